// Worker thread for parallel k-means restarts. Plain JavaScript so Node can start it under
// tsx, vitest or plain node alike; it compiles the TypeScript restart code through tsx's API.
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { runRestart } = await tsImport("./kmeansRestart.ts", import.meta.url);
const { data, rows, columns, settings } = workerData;
const matrix = { data, rows, columns };

parentPort.on("message", ({ restart, seed }) => {
  const result = runRestart(matrix, seed, settings);
  parentPort.postMessage({ restart, ...result }, [result.centers.buffer, result.labels.buffer]);
});
parentPort.postMessage({ ready: true });
