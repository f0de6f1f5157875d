/* global self, MessageEvent */
import type { FromWorker, ToWorker } from "./planner";
import { serveJobs } from "./planSession";

/** The Web Worker that scores and plans a run (see planner.ts); webpack bundles it on its own. */
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
const handle = serveJobs((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
