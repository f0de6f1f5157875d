import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Select,
  Tab,
  TabList,
  Toolbar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../src/i18n/lang";
import type { FakeExcel } from "../fake/fakeExcel";
import { SheetView } from "./SheetView";

/**
 * The workbench: Excel's part of the screen, on the fake host. A ribbon with the add-in's two
 * buttons, the workbook's sheets, and the add-in's real task pane in a frame beside them.
 */
export interface WorkbenchProps {
  fake: FakeExcel;
  fileName: string;
  /** Bumped after every Excel.run, so the sheets redraw. */
  version: number;
  /** A dialog opened by the add-in (its page and how to close it). */
  dialog: { url: string; close: () => void } | null;
  lang: Lang;
  theme: "light" | "dark";
  /** The ribbon's Score customers: runs the command page's action; resolves with milliseconds taken. */
  onRibbonScore: () => Promise<number>;
  onOpen: (file: File) => void;
  onDownload: () => void;
  onLang: (lang: Lang) => void;
  onTheme: (theme: "light" | "dark") => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100vh", boxSizing: "border-box" },
  ribbon: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  body: { display: "flex", flexGrow: 1, minHeight: 0 },
  sheets: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minWidth: 0,
    padding: tokens.spacingHorizontalS,
    gap: tokens.spacingVerticalXS,
  },
  pane: {
    width: "380px",
    flexShrink: 0,
    border: "none",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  hidden: { display: "none" },
  dialogFrame: { width: "100%", height: "50vh", border: "none" },
});

export function Workbench(props: WorkbenchProps): React.JSX.Element {
  const { fake, version, lang, theme } = props;
  const styles = useStyles();
  const [paneOpen, setPaneOpen] = React.useState(true);
  const [status, setStatus] = React.useState("");
  const [picked, setPicked] = React.useState<string | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const { workbook } = fake;
  // The sheet in front: the one the add-in activated last, else the one the user picked.
  const [lastActive, setLastActive] = React.useState(workbook.activeSheet);
  if (workbook.activeSheet !== lastActive) {
    setLastActive(workbook.activeSheet);
    setPicked(null);
  }
  const front =
    workbook.sheet(picked ?? "") ??
    workbook.sheet(workbook.activeSheet ?? "") ??
    workbook.sheets[0];
  const selection = workbook.selection;
  const bang = selection ? selection.lastIndexOf("!") : -1;
  const selectedHere =
    selection && front && selection.slice(0, bang).replace(/^'|'$/g, "") === front.name
      ? selection.slice(bang + 1)
      : null;

  const ribbonScore = async () => {
    setStatus("Scoring…");
    try {
      const ms = await props.onRibbonScore();
      setStatus(`Score customers (ribbon) finished in ${(ms / 1000).toFixed(2)} s`);
    } catch (error) {
      setStatus(
        `Score customers (ribbon) failed: ${error instanceof Error ? error.message : String(error)}`
      );
    }
  };

  return (
    <div
      className={styles.root}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const file = e.dataTransfer.files[0];
        if (file) props.onOpen(file);
      }}
    >
      <Toolbar aria-label="Ribbon" className={styles.ribbon}>
        <Button appearance="primary" onClick={ribbonScore} data-testid="ribbon-score">
          Score customers
        </Button>
        <Button
          onClick={() => setPaneOpen(!paneOpen)}
          aria-pressed={paneOpen}
          data-testid="ribbon-panel"
        >
          {paneOpen ? "Hide panel" : "Open panel"}
        </Button>
        <Button onClick={() => fileInput.current?.click()}>Open .xlsx…</Button>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx"
          className={styles.hidden}
          data-testid="open-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) props.onOpen(file);
          }}
        />
        <Button onClick={props.onDownload} data-testid="download">
          Download .xlsx
        </Button>
        <Select
          aria-label="Office display language"
          value={lang}
          onChange={(_, d) => props.onLang(d.value as Lang)}
          data-testid="wb-lang"
        >
          <option value="zh-CN">中文 (zh-CN)</option>
          <option value="en-US">English (en-US)</option>
        </Select>
        <Select
          aria-label="Office theme"
          value={theme}
          onChange={(_, d) => props.onTheme(d.value as "light" | "dark")}
          data-testid="wb-theme"
        >
          <option value="light">Light theme</option>
          <option value="dark">Dark theme</option>
        </Select>
        <Caption1 role="status" data-testid="wb-status">
          {status}
        </Caption1>
      </Toolbar>
      <div className={styles.body}>
        <div className={styles.sheets}>
          <Body1>
            {props.fileName} · {fake.stats.syncs} syncs so far · selection{" "}
            <span data-testid="wb-selection">{selection ?? "none"}</span>
          </Body1>
          <TabList
            selectedValue={front?.name}
            onTabSelect={(_, d) => setPicked(String(d.value))}
            size="small"
            data-testid="sheet-tabs"
          >
            {workbook.sheets.map((s) => (
              <Tab key={s.id} value={s.name}>
                {s.name}
              </Tab>
            ))}
          </TabList>
          {front && (
            <SheetView key={`${front.name}-${version}`} sheet={front} selected={selectedHere} />
          )}
        </div>
        <iframe
          title="Task pane"
          src="workbench-taskpane.html"
          className={paneOpen ? styles.pane : styles.hidden}
          data-testid="pane-frame"
        />
        <Dialog
          open={props.dialog !== null}
          onOpenChange={(_, d) => !d.open && props.dialog?.close()}
        >
          <DialogSurface data-testid="wb-dialog">
            <DialogBody>
              <DialogTitle>Customer tiers</DialogTitle>
              <DialogContent>
                {props.dialog && (
                  <iframe
                    title="Add-in dialog"
                    src={props.dialog.url}
                    className={styles.dialogFrame}
                  />
                )}
              </DialogContent>
              <DialogActions>
                <Button onClick={() => props.dialog?.close()} data-testid="wb-dialog-close">
                  Close
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
        {/* The ribbon command's page: Excel loads it without showing it. */}
        <iframe title="Ribbon commands" src="workbench-commands.html" className={styles.hidden} />
      </div>
    </div>
  );
}
