/* global Worker */
import { inProcessPlanner, portPlanner, type FromWorker, type Planner } from "./planner";

/**
 * The planner of the task pane and the ribbon command: a Web Worker per run (Excel on Windows, Mac
 * and the web all run workers), so scoring never blocks the pane. Where no worker can start, the
 * run stays in-process rather than failing.
 */
export function workerPlanner(): Planner {
  if (typeof Worker === "undefined") return inProcessPlanner;
  return portPlanner(() => {
    // @ts-ignore -- import.meta is for webpack (ts-loader compiles as esnext); the commonjs type check refuses it
    const worker = new Worker(new URL("./plan.worker.ts", import.meta.url));
    return {
      post: (message) => worker.postMessage(message),
      listen: (handler, failed) => {
        worker.onmessage = (event: MessageEvent<FromWorker>) => handler(event.data);
        worker.onerror = (event) => failed(new Error(event.message || "worker failed"));
      },
      terminate: () => worker.terminate(),
    };
  });
}
