// A worker thread's entry: Node does not carry tsx's loader into worker threads, so
// register it here, then load the TypeScript worker named in workerData.
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData.entry);
