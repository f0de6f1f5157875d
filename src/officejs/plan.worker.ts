/* global self, MessageEvent */
import { serveJobs, type FromWorker, type ToWorker } from "./planner";

/** The Web Worker that scores and plans a run (see planner.ts); webpack bundles it on its own. */
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
const handle = serveJobs((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
