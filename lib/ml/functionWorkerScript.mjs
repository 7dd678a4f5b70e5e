// Worker thread that calls one exported function of a TypeScript module (functionWorker.ts), one
// call at a time. Plain JavaScript so Node can start it under tsx, vitest or plain node alike; it
// compiles the module through tsx's API.
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const run = (await tsImport(workerData.module, import.meta.url))[workerData.name];

parentPort.on("message", async (args) => {
  try {
    parentPort.postMessage({ result: await run(...args) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
