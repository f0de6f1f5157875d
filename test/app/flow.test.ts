import { readPlanWrite, type WorkbookPort } from "../../src/app/flow";
import type { Progress } from "../../src/app/host";
import type { SheetPlan } from "../../src/plan/types";

const plan = (name: string) => ({ name }) as SheetPlan;

/** A port that records what the flow asked of it. */
function recordingPort(plans: SheetPlan[]) {
  const calls: string[] = [];
  const port: WorkbookPort<{ plans: SheetPlan[] }> = {
    async readAndPlan(options) {
      calls.push(options.preview ? "read preview" : "read");
      return { plans };
    },
    async write(written) {
      calls.push(`write ${written.map((p) => p.name).join(",")}`);
    },
  };
  return { port, calls };
}

const options = { lang: "en-US" as const, today: 45000 };

describe("readPlanWrite", () => {
  it("writes the planned sheets and names them", async () => {
    const { port, calls } = recordingPort([plan("A"), plan("B")]);
    const progress: Progress[] = [];
    const result = await readPlanWrite(port, options, (p) => progress.push(p));
    expect(calls).toEqual(["read", "write A,B"]);
    expect(result.written).toEqual(["A", "B"]);
    expect(progress[0]).toEqual({ stage: "reading", done: 0, total: 0 });
  });

  it("writes nothing for a preview", async () => {
    const { port, calls } = recordingPort([plan("A")]);
    const result = await readPlanWrite(port, { ...options, preview: true });
    expect(calls).toEqual(["read preview"]);
    expect(result.written).toEqual([]);
  });

  it("writes nothing when nothing could be planned", async () => {
    const { port, calls } = recordingPort([]);
    expect((await readPlanWrite(port, options)).written).toEqual([]);
    expect(calls).toEqual(["read"]);
  });

  it("stops before writing once the checkpoint throws", async () => {
    const { port, calls } = recordingPort([plan("A")]);
    let reads = 0;
    const checkpoint = () => {
      if (calls.length > 0) throw new Error("cancelled");
      reads++;
    };
    await expect(readPlanWrite(port, options, undefined, checkpoint)).rejects.toThrow("cancelled");
    expect(calls).toEqual(["read"]);
    expect(reads).toBe(1);
  });
});
