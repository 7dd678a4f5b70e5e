// Worker thread for response learner fits (learnerLanes.ts). Plain JavaScript so Node can start it
// under tsx, vitest or plain node alike; it compiles the TypeScript learners through tsx's API.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { fitLearner } = await tsImport("./models.ts", import.meta.url);

// One fit at a time: learnerLanes.ts hands out the next only after this one's reply.
parentPort.on("message", async ({ kind, data, labels, seed, options }) => {
  try {
    parentPort.postMessage({ parameters: await fitLearner(kind, data, labels, seed, options) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
