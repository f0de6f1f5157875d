import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Field,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../i18n/lang";
import { strings } from "../i18n";
import { fieldLabel } from "../i18n/settingWords";
import type { InputTable } from "../app/host";

/** The recognised input tables, one drop-down per field to name the column it is read from. */
export interface MappingFormProps {
  lang: Lang;
  tables: readonly InputTable[];
  onMap: (kind: string, field: string, header: string) => void;
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export function MappingForm({ lang, tables, onMap }: MappingFormProps): React.JSX.Element {
  const styles = useStyles();
  const [opened, setOpened] = React.useState<string[]>([]);
  // A table that lacks a required column stays open until it is complete.
  const lacking = tables.filter((t) => t.missing.length > 0).map((t) => t.kind as string);
  const open = [...new Set([...opened, ...lacking])];
  return (
    <section className={styles.section} aria-labelledby="columns-title">
      <Subtitle2 as="h2" id="columns-title">
        {strings(lang).ui.columnsTitle}
      </Subtitle2>
      <Caption1>{strings(lang).ui.columnsHint}</Caption1>
      <Accordion
        multiple
        collapsible
        openItems={open}
        onToggle={(_, data) => setOpened(data.openItems.map(String))}
      >
        {tables.map((table) => (
          <AccordionItem key={table.kind} value={table.kind}>
            <AccordionHeader data-testid={`mapping-${table.kind}`}>
              {strings(lang).ui.tableOf({
                kind: strings(lang).settings.inputKind[table.kind],
                sheet: table.sheet,
                row: table.headerRow,
              })}
            </AccordionHeader>
            <AccordionPanel className={styles.section}>
              {table.missing.length > 0 && (
                <Caption1
                  role="alert"
                  className={styles.missing}
                  data-testid={`missing-${table.kind}`}
                >
                  {strings(lang).ui.missingColumns({
                    fields: table.missing
                      .map((f) => fieldLabel(table.kind, f, lang))
                      .join(lang === "zh-CN" ? "、" : ", "),
                  })}
                </Caption1>
              )}
              {table.fields.map((field) => (
                <Field
                  key={field}
                  label={fieldLabel(table.kind, field, lang)}
                  validationState={table.missing.includes(field) ? "warning" : "none"}
                >
                  <Select
                    value={table.columns[field] ?? ""}
                    onChange={(_, data) => onMap(table.kind, field, data.value)}
                    data-testid={`mapping-${table.kind}-${field}`}
                  >
                    <option value="">{strings(lang).ui.automatic}</option>
                    {[...new Set(table.headers.filter((h) => h.trim() !== ""))].map((header) => (
                      <option key={header} value={header}>
                        {header}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
