import type { PlanOptions, WorkbookPort } from "../app/flow";
import { planWorkbook, type WorkbookRun } from "../plan/workbook";
import { writeScoredWorkbook } from "./output";
import { readWorkbookValues, type ReadFailure } from "./values";

/**
 * The workbook port on a .xlsx/.xlsm file's bytes: reads every sheet's values, plans in-process,
 * and hands the input package with our sheets added or replaced to `save`.
 */

/** The file could not be read as a workbook (the caller words it for the user). */
export class XlsxReadFailed extends Error {
  constructor(readonly failure: ReadFailure) {
    super(failure.reason);
  }
}

/** The output package could not be built (the caller words it; `message` is the detail). */
export class XlsxWriteFailed extends Error {}

export function xlsxPort(
  bytes: Uint8Array,
  save: (output: Buffer) => Promise<void>
): WorkbookPort<WorkbookRun> {
  return {
    async readAndPlan(options: PlanOptions) {
      const read = readWorkbookValues(bytes);
      if (!read.ok) throw new XlsxReadFailed(read);
      return planWorkbook(read.sheets, options);
    },
    async write(plans) {
      let output: Buffer;
      try {
        output = await writeScoredWorkbook(bytes, plans);
      } catch (error) {
        throw new XlsxWriteFailed(error instanceof Error ? error.message : String(error));
      }
      await save(output);
    },
  };
}
