/**
 * A file's rows read in a worker thread while this thread writes them: on two cores the
 * reading and the database's work overlap. The worker (a plain .mjs script) posts each chunk
 * and waits, a few chunks ahead at most, for this side to take it, so memory stays flat; an
 * ImportError it meets arrives here as one.
 */
import { on } from "node:events";
import { Worker } from "node:worker_threads";
import { ImportError, type ImportErrorCode } from "./errors";

type WorkerMessage<C, F> = { chunk: C } | { file: F } | { error: { message: string; code: ImportErrorCode | null } };

export async function readInWorker<C, F>(script: string, workerData: unknown, onChunk: (chunk: C) => void | Promise<void>): Promise<F> {
  // execArgv: [] so a parent's loaders (tsx, vitest) are not stacked on the worker's own.
  const worker = new Worker(script, { workerData, execArgv: [] });
  try {
    for await (const [message] of on(worker, "message", { close: ["exit"] }) as AsyncIterable<[WorkerMessage<C, F>]>) {
      if ("chunk" in message) {
        await onChunk(message.chunk);
        worker.postMessage("taken");
      } else if ("file" in message) {
        return message.file;
      } else {
        throw message.error.code ? new ImportError(message.error.code, message.error.message) : new Error(message.error.message);
      }
    }
    throw new Error("the reading thread stopped before the end of the file");
  } finally {
    await worker.terminate();
  }
}
