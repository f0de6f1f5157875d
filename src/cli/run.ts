import { readFile, writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { strings } from "../i18n";
import { parseArgs } from "node:util";
import type { FitResult } from "../core/clv";
import { toCsv } from "../core/csv";
import { reportJson } from "../core/reportJson";
import type { LifetimeReport } from "../plan/lifetimeNotes";
import { formatSerial, parseDate } from "../core/parse";
import type { ScoreReport } from "../core/pipeline";
import { SCHEME_KEYS, type SchemeKey } from "../core/types";
import type { Lang } from "../i18n/lang";
import { LANGS } from "../i18n/lang";
import { reportNoteText } from "../i18n/notes";
import { tierLabel } from "../i18n/tiers";
import type { RunOptions, WorkbookRun } from "../plan/workbook";
import { readPlanWrite } from "../app/flow";
import { readFailureMessage } from "../plan/readFailure";
import type { ReadFailure } from "../xlsx/values";
import { xlsxPort, XlsxReadFailed, XlsxWriteFailed } from "../xlsx/port";
import { todaySerial } from "../xlsx/workbook";

export const USAGE =
  "Usage: npm run score -- <input.xlsx> --out <output.xlsx> [--as-of YYYY-MM-DD] " +
  "[--scheme fixed5|pct100|quintile11|abc] [--csv <file>] [--lang zh-CN|en-US] [--model-json <file>] [--report-json <file>]";

/** A mistake in how the command was called: printed with the usage line, exit code 2. */
export class UsageError extends Error {}

/** The input could not be read or the output not written; the message is the user's sentence (exit code 1). */
export class UnreadableWorkbook extends Error {
  constructor(
    message: string,
    readonly failure: Pick<ReadFailure, "code" | "part" | "reason"> | null
  ) {
    super(message);
  }
}

/** The input file's bytes, or an UnreadableWorkbook saying in the user's language why not. */
async function inputBytes(path: string, lang: Lang): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new UnreadableWorkbook(strings(lang).read.not_found({ file: path }), null);
    const failure = { code: "not_spreadsheet" as const, reason: String(code) };
    throw new UnreadableWorkbook(readFailureMessage(failure, lang, basename(path)), failure);
  }
}

export interface CliOptions {
  input: string;
  out: string;
  asOf: number | null;
  scheme: SchemeKey | null;
  csv: string | null;
  lang: Lang;
  modelJson: string | null;
  /** Funnel, overdue follow-ups, duplicates and tier counts as JSON (see core/reportJson.ts). */
  reportJson?: string | null;
}

export function parseCliArgs(argv: string[]): CliOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string", short: "o" },
      "as-of": { type: "string" },
      scheme: { type: "string" },
      csv: { type: "string" },
      lang: { type: "string" },
      "model-json": { type: "string" },
      "report-json": { type: "string" },
    },
  });
  if (positionals.length !== 1) throw new UsageError("Exactly one input workbook is needed.");
  if (!values.out)
    throw new UsageError("--out <output.xlsx> is required (the input is never overwritten).");
  const input = positionals[0];
  if (resolve(input) === resolve(values.out))
    throw new UsageError("--out must differ from the input file.");
  // The output is the input package plus our sheets: a macro-enabled workbook stays one, and Excel
  // refuses a file whose extension does not match its kind (.xlsm with macros, .xlsx without).
  const kind = (path: string) => /\.(xlsx|xlsm)$/i.exec(path)?.[1].toLowerCase();
  if (kind(input) && kind(values.out) !== kind(input))
    throw new UsageError(
      `--out must end in .${kind(input)} like the input (Excel opens it only so).`
    );
  let asOf: number | null = null;
  if (values["as-of"] !== undefined) {
    asOf = /^\d{4}-\d{2}-\d{2}$/.test(values["as-of"]) ? parseDate(values["as-of"]) : null;
    if (asOf === null)
      throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${values["as-of"]}".`);
  }
  const scheme = (values.scheme ?? null) as SchemeKey | null;
  if (scheme !== null && !SCHEME_KEYS.includes(scheme))
    throw new UsageError(`--scheme must be one of ${SCHEME_KEYS.join("|")}.`);
  const lang = (values.lang ?? "zh-CN") as Lang;
  if (!(LANGS as readonly string[]).includes(lang))
    throw new UsageError(`--lang must be zh-CN or en-US.`);
  return {
    input,
    out: values.out,
    asOf,
    scheme,
    csv: values.csv ?? null,
    lang,
    modelJson: values["model-json"] ?? null,
    reportJson: values["report-json"] ?? null,
  };
}

/** What the terminal shows after a run, in the chosen language. */
export function summaryLines(report: ScoreReport, lang: Lang, maxIssues = 20): string[] {
  const lines: string[] = [strings(lang).run.summaryTitle];
  const source =
    report.mode === "orders"
      ? strings(lang).run.summaryModeOrders({ sheet: report.inputs.orders?.sheet ?? "" })
      : strings(lang).run.summaryModeArchive({ sheet: report.inputs.customers?.sheet ?? "" });
  lines.push(source);
  lines.push(
    strings(lang).run.summaryAsOf({
      asOf: formatSerial(report.asOf),
      start: formatSerial(report.windowStart),
    })
  );
  lines.push(
    strings(lang).run.summaryScheme({ scheme: strings(lang).schemes.label[report.scheme] })
  );
  lines.push(strings(lang).run.summaryCustomers({ count: report.customers.length }));
  for (const [key, count] of Object.entries(report.tierCounts)) {
    lines.push(`  ${tierLabel(key as never, lang)}: ${count}`);
  }
  if (report.mode === "orders") lines.push(strings(lang).run.summaryLines(report.orderLines));
  lines.push(...insightLines(report, lang, maxIssues));
  for (const note of report.notes) lines.push(reportNoteText(note, lang));
  if (report.quality.length === 0) lines.push(strings(lang).run.summaryNoneSkipped);
  else {
    lines.push(strings(lang).run.summarySkipped);
    for (const issue of report.quality.slice(0, maxIssues)) {
      lines.push(`  ${issue.address}  ${strings(lang).run.quality[issue.kind]}  ${issue.value}`);
    }
    if (report.quality.length > maxIssues) {
      lines.push(strings(lang).run.summaryMore({ count: report.quality.length - maxIssues }));
    }
  }
  return lines;
}

const percent = (rate: number | null, lang: Lang) =>
  rate === null ? strings(lang).run.notAvailable : `${(rate * 100).toFixed(1)}%`;
const figure = (v: number | null, lang: Lang, digits = 1) =>
  v === null ? strings(lang).run.notAvailable : String(Math.round(v * 10 ** digits) / 10 ** digits);

/** Funnel, follow-up watch, duplicates and seed 003 indicators, for the terminal. */
export function insightLines(report: ScoreReport, lang: Lang, maxLines = 20): string[] {
  const lines: string[] = [];
  const f = report.followups;
  if (f) {
    const funnel = f.funnel;
    lines.push(strings(lang).run.funnelTitle({ sheet: f.sheet }));
    funnel.conversions.forEach((c) => {
      lines.push(
        strings(lang).run.funnelStage({
          stage: strings(lang).followups.stages[c.from],
          customers: c.reached,
          now: funnel.byStage[c.from],
          rate: percent(c.rate, lang),
        })
      );
    });
    for (const stage of ["won", "lost"] as const)
      lines.push(
        strings(lang).run.funnelLast({
          stage: strings(lang).followups.stages[stage],
          customers: stage === "won" ? funnel.reached.won : funnel.byStage.lost,
          now: funnel.byStage[stage],
        })
      );
    const drop = funnel.biggestDrop;
    if (drop)
      lines.push(
        strings(lang).run.funnelDrop({
          from: strings(lang).followups.stages[drop.from],
          to: strings(lang).followups.stages[drop.to],
          rate: percent(drop.rate, lang),
        })
      );
    lines.push(
      strings(lang).run.funnelEffort({
        avg: figure(funnel.avgFollowups, lang),
        days: figure(funnel.avgDaysToWin, lang),
      })
    );
    const overdue = f.watch.filter((w) => w.kind === "overdue").length;
    if (f.watch.length === 0) lines.push(strings(lang).run.watchNone);
    else {
      lines.push(
        strings(lang).run.watchTitle({
          overdue,
          cadence: f.watch.length - overdue,
          sheet: strings(lang).sheets.names.watchlist,
        })
      );
      for (const w of f.watch.slice(0, maxLines))
        lines.push(
          strings(lang).run.watchLine({
            id: w.id,
            name: w.name,
            kind: strings(lang).followups.watchKinds[w.kind],
            days: w.daysLate,
            person: w.person,
            address: w.address,
          })
        );
      if (f.watch.length > maxLines)
        lines.push(strings(lang).run.listMore({ count: f.watch.length - maxLines }));
    }
  }
  const h = report.hygiene;
  if (h.duplicates.length === 0) lines.push(strings(lang).run.duplicatesNone);
  else {
    lines.push(strings(lang).run.duplicatesTitle({ count: h.duplicates.length }));
    for (const d of h.duplicates.slice(0, maxLines))
      lines.push(
        strings(lang).run.duplicateLine({
          a: `${d.first.id} ${d.first.name}`.trim(),
          b: `${d.second.id} ${d.second.name}`.trim(),
          reason: strings(lang).followups.duplicateReasons[d.reason],
          cellA: d.first.address,
          cellB: d.second.address,
        })
      );
    if (h.duplicates.length > maxLines)
      lines.push(strings(lang).run.listMore({ count: h.duplicates.length - maxLines }));
  }
  lines.push(
    strings(lang).run.hygieneCounts({
      missing: h.missing?.rows.length ?? 0,
      without: h.withoutOrders.length,
    })
  );
  lines.push(
    strings(lang).run.indicators({
      nps: figure(report.nps?.nps ?? null, lang),
      cac: figure(report.cac.cac, lang, 2),
      newCustomers: report.cac.newCustomers,
    })
  );
  return lines;
}

/** The fitted models for `--model-json`; a model that could not be fitted says why instead. */
export function modelJson(lifetime: LifetimeReport): Record<string, unknown> {
  const model = lifetime.model;
  if (!model)
    return {
      bgnbd: null,
      gammagamma: null,
      time_unit: "week",
      customers: 0,
      repeat_buyers: 0,
      notes: lifetime.notes,
    };
  // `reason` repeats `error` for readers of the fallback below; a ridge names its parameter.
  const fitted = <P extends object>(fit: FitResult<P>) =>
    fit.ok
      ? { ...fit.params, loglik: fit.loglik, evaluations: fit.evaluations }
      : {
          error: fit.reason,
          reason: fit.reason,
          ...(fit.parameter ? { parameter: fit.parameter, toward: fit.toward } : {}),
          evaluations: fit.evaluations,
        };
  return {
    bgnbd: fitted(model.bgnbd),
    gammagamma: fitted(model.gammagamma),
    time_unit: "week",
    customers: model.customers,
    repeat_buyers: model.repeatBuyers,
    // "models", or "simple_clv" when a model could not be fitted and predicted CLV is the simple one.
    predicted_clv: lifetime.predictedClvSource,
    fallback_reason: model.bgnbd.ok
      ? model.gammagamma.ok
        ? null
        : model.gammagamma.reason
      : model.bgnbd.reason,
    notes: lifetime.notes,
  };
}

export interface CliResult {
  report: ScoreReport;
  lifetime: LifetimeReport | null;
  lines: string[];
}

/** The whole command: read, score, write. Throws UsageError for bad calls. */
export async function runScoreCommand(
  options: CliOptions,
  today = todaySerial()
): Promise<CliResult> {
  const bytes = await inputBytes(options.input, options.lang);
  const overrides: RunOptions["overrides"] = {};
  if (options.scheme) overrides.scheme = options.scheme;
  if (options.asOf !== null) overrides.asOf = options.asOf;
  const port = xlsxPort(bytes, (output) => writeFile(options.out, output));
  let run: WorkbookRun;
  try {
    ({ planned: run } = await readPlanWrite(port, { lang: options.lang, today, overrides }));
  } catch (error) {
    const name = basename(options.input);
    if (error instanceof XlsxReadFailed) {
      const { code, part, reason } = error.failure;
      const text = readFailureMessage(error.failure, options.lang, name);
      throw new UnreadableWorkbook(text, { code, part, reason });
    }
    if (error instanceof XlsxWriteFailed)
      throw new UnreadableWorkbook(
        strings(options.lang).read.writeFailure({ file: name, detail: error.message }),
        null
      );
    throw error;
  }
  const { report, lifetime } = run;
  if (report.problem) {
    return { report, lifetime: null, lines: [strings(options.lang).run.problem[report.problem]] };
  }
  const lines = summaryLines(report, options.lang);
  lines.push(...run.settingsProblems);
  lines.push(strings(options.lang).run.summaryOutput({ path: options.out }));
  if (options.csv) {
    await writeFile(options.csv, toCsv(report), "utf8");
    lines.push(strings(options.lang).run.summaryCsv({ path: options.csv }));
  }
  if (lifetime) lines.push(...lifetime.notes);
  if (options.modelJson && lifetime) {
    await writeFile(options.modelJson, JSON.stringify(modelJson(lifetime), null, 2) + "\n", "utf8");
    lines.push(strings(options.lang).run.summaryModel({ path: options.modelJson }));
  }
  if (options.reportJson) {
    await writeFile(
      options.reportJson,
      JSON.stringify(
        reportJson(report, { review: run.review, modelCheck: run.modelCheck }),
        null,
        2
      ) + "\n",
      "utf8"
    );
    lines.push(strings(options.lang).run.summaryReportJson({ path: options.reportJson }));
  }
  return { report, lifetime, lines };
}
