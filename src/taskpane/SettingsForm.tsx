import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  Field,
  Input,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { thresholdKeys, type SettingKey } from "../core/settingsSchema";
import { SCHEME_KEYS } from "../core/types";
import type { Lang } from "../i18n/lang";
import { strings } from "../i18n";
import { settingLabel } from "../i18n/settingWords";
import { fieldText, type Draft } from "./draft";

/** Scheme, as-of date, weights and the chosen scheme's thresholds, with the settings sheet's labels. */
export interface SettingsFormProps {
  lang: Lang;
  draft: Draft;
  disabled: boolean;
  onType: (key: SettingKey, text: string) => void;
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  narrow: { minWidth: 0, width: "100%" },
  row: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
});

const WEIGHTS: SettingKey[] = ["weights.r", "weights.f", "weights.m"];

export function SettingsForm({
  lang,
  draft,
  disabled,
  onType,
}: SettingsFormProps): React.JSX.Element {
  const styles = useStyles();
  const text = (key: SettingKey) => fieldText(draft, key, lang);
  const field = (
    key: SettingKey,
    props: Partial<React.ComponentProps<typeof Input>> = {},
    hint?: string
  ) => (
    <Field
      key={key}
      label={settingLabel(key, lang)}
      hint={hint}
      validationMessage={draft.errors[key]}
      validationState={draft.errors[key] ? "error" : "none"}
    >
      <Input
        value={text(key)}
        disabled={disabled}
        onChange={(_, data) => onType(key, data.value)}
        data-testid={`setting-${key}`}
        {...props}
      />
    </Field>
  );
  const thresholds = thresholdKeys(draft.settings.scheme);
  return (
    <section className={styles.section} aria-labelledby="settings-title">
      <Subtitle2 as="h2" id="settings-title">
        {strings(lang).ui.settingsTitle}
      </Subtitle2>
      <Caption1>{strings(lang).ui.settingsHint}</Caption1>
      <Field label={settingLabel("scheme", lang)}>
        <Select
          value={draft.settings.scheme}
          disabled={disabled}
          onChange={(_, data) => onType("scheme", data.value)}
          data-testid="scheme-select"
        >
          {SCHEME_KEYS.map((scheme) => (
            <option key={scheme} value={scheme}>
              {strings(lang).schemes.label[scheme]}
            </option>
          ))}
        </Select>
      </Field>
      {field("asOf", { type: "date" }, strings(lang).ui.asOfHint)}
      {field("windowDays", { inputMode: "numeric" })}
      <Body1>{strings(lang).ui.weightsTitle}</Body1>
      <div className={styles.row}>
        {WEIGHTS.map((key) => field(key, { inputMode: "decimal", className: styles.narrow }))}
      </div>
      <Accordion collapsible>
        <AccordionItem value="thresholds">
          <AccordionHeader data-testid="thresholds-header">
            {strings(lang).ui.thresholdsTitle}
          </AccordionHeader>
          <AccordionPanel className={styles.section}>
            {thresholds.length === 0 ? (
              <Caption1>{strings(lang).ui.noThresholds}</Caption1>
            ) : (
              thresholds.map((key) => field(key, { inputMode: "decimal" }))
            )}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
