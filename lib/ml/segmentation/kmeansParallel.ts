/**
 * k-means restarts spread over worker threads. The data goes to the workers once, in shared
 * memory; restarts are handed out one at a time to whichever worker is free (the cores are
 * shared with other work), and the best is picked by inertia with the restart index as
 * tie-break, so the result equals the single-threaded one whatever the timing.
 */
import { Worker } from "node:worker_threads";
import type { DenseMatrix } from "./matrix";
import { isBetterRestart, type RestartResult, type RestartSettings } from "./kmeansRestart";

export type RankedRestart = RestartResult & { restart: number };

export async function runRestartsInWorkers(
  matrix: DenseMatrix,
  seeds: readonly number[],
  settings: RestartSettings,
  workerCount: number,
): Promise<RankedRestart> {
  const workerData = { data: inSharedMemory(matrix.data), rows: matrix.rows, columns: matrix.columns, settings };
  const script = new URL("./kmeansWorker.mjs", import.meta.url);
  // execArgv: [] so a parent's loaders (tsx, vitest) are not stacked on the worker's own.
  const workers = Array.from({ length: workerCount }, () => new Worker(script, { workerData, execArgv: [] }));
  try {
    return await collect(workers, seeds);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function collect(workers: Worker[], seeds: readonly number[]): Promise<RankedRestart> {
  return new Promise((resolve, reject) => {
    let handedOut = 0;
    let finished = 0;
    let best: RankedRestart | null = null;
    const handOut = (worker: Worker) => {
      if (handedOut >= seeds.length) return;
      worker.postMessage({ restart: handedOut, seed: seeds[handedOut] });
      handedOut++;
    };
    for (const worker of workers) {
      worker.on("message", (message: RankedRestart | { ready: true }) => {
        if ("ready" in message) return handOut(worker);
        if (best === null || isBetterRestart(message, best)) best = message;
        finished++;
        if (finished === seeds.length) resolve(best);
        else handOut(worker);
      });
      worker.on("error", reject);
      worker.on("exit", (code) => {
        if (finished < seeds.length) reject(new Error(`k-means worker stopped (exit code ${code}) before the restarts finished`));
      });
    }
  });
}

function inSharedMemory(data: Float64Array): Float64Array {
  if (data.buffer instanceof SharedArrayBuffer) return data;
  const shared = new Float64Array(new SharedArrayBuffer(data.byteLength));
  shared.set(data);
  return shared;
}
