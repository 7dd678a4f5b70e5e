// Worker thread for a file's second reading (readInWorker.ts). Plain JavaScript so Node can
// start it under tsx, vitest or plain node alike; it compiles the reader through tsx's API.
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

/** Chunks handed over and not yet taken: the reading keeps this far ahead of the writing, no further. */
const AHEAD = 2;

const { module, reader, args } = workerData;
const read = (await tsImport(module, import.meta.url))[reader];
let sent = 0;
let taken = 0;
let wake = null;
parentPort.on("message", () => {
  taken++;
  wake?.();
});

try {
  const file = await read(...args, async (chunk) => {
    parentPort.postMessage({ chunk });
    sent++;
    while (sent - taken > AHEAD) await new Promise((resolve) => (wake = resolve));
  });
  parentPort.postMessage({ file });
} catch (error) {
  const importError = error instanceof Error && error.name === "ImportError";
  parentPort.postMessage({ error: { message: error instanceof Error ? error.message : String(error), code: importError ? error.code : null } });
}
