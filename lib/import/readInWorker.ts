/**
 * A file's rows read in a worker thread while this thread writes them: on two cores the
 * reading and the database's work overlap. The worker (readerWorker.mjs) runs a reader
 * exported by a module beside it, posts each chunk and waits, a few chunks ahead at most, for
 * this side to take it, so memory stays flat; an ImportError it meets arrives here as one.
 */
import { existsSync, statSync } from "node:fs";
import { on } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ImportError, type ImportErrorCode } from "./errors";
import type { RereadableSource } from "./source";

/** Files from this size are read in a worker thread (a 6 MB profile file imported 3.1 s instead of 3.4); for smaller ones its start-up is not worth it. */
export const WORKER_MIN_BYTES = 4 * 2 ** 20;

/** A reader the worker runs: `reader`, exported by `module` (a file beside this one), called with `args` and the chunk callback. */
export interface WorkerReader {
  module: string;
  reader: string;
  args: unknown[];
}

/** `code` is set for an ImportError only. */
type WorkerMessage<C, F> = { chunk: C } | { file: F } | { error: { message: string; code: ImportErrorCode | null } };

/**
 * The worker script for reading `source` with a reader from `module`: by default for a file on
 * disk of WORKER_MIN_BYTES or more. Null when this thread reads, and wherever this code runs
 * bundled (Next's server) with neither the script nor the module beside it.
 */
export function workerScriptFor(source: RereadableSource, module: string, inWorker?: boolean): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const script = path.join(here, "readerWorker.mjs");
  if (!existsSync(script) || !existsSync(path.join(here, module))) return null;
  const wanted = inWorker ?? ("path" in source && statSync(source.path).size >= WORKER_MIN_BYTES);
  return wanted ? script : null;
}

export async function readInWorker<C, F>(script: string, reader: WorkerReader, onChunk: (chunk: C) => void | Promise<void>): Promise<F> {
  const workerData = { ...reader, module: `./${reader.module}` };
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
