import { parentPort } from "node:worker_threads";
import { serveJobs, type ToWorker } from "../src/officejs/planner";

/** The planner's worker for `npm run bench:syncs`: the add-in's Web Worker, on worker_threads. */
const port = parentPort;
if (!port) throw new Error("planWorker.ts runs as a worker thread");
const handle = serveJobs((message) => port.postMessage(message));
port.on("message", (message: ToWorker) => handle(message));
