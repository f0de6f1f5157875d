import { parentPort } from "node:worker_threads";
import type { ToWorker } from "../src/officejs/planner";
import { serveJobs } from "../src/officejs/planSession";

/** The planner's worker for `npm run bench:syncs`: the add-in's Web Worker, on worker_threads. */
const port = parentPort;
if (!port) throw new Error("planWorker.ts runs as a worker thread");
const handle = serveJobs((message) => port.postMessage(message));
port.on("message", (message: ToWorker) => handle(message));
