/**
 * The pages of a customer export as CSV. A large export in customer order is read and written
 * by two worker threads (csvPageWorker.ts), each taking every other range of customer ids on a
 * connection of its own, while this thread only hands the pages on, in order: on two cores about
 * twice the rows a second of one thread doing both, and the server's own thread stays free for
 * other requests (docs/scaling.md, "Exports in two threads"). Anything else, or where the
 * threads cannot start, is read and written here, a keyset page at a time.
 */
import "server-only";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { exportPageQueries, scoredCustomerPages, type ExportOptions, type ExportPageQuery } from "@/lib/db/scores/export";
import { FunctionWorker } from "@/lib/ml/functionWorker";
import { exportCsvWriter, type CsvPageFormat } from "./customerCsv";

/** From this many rows an export goes to the threads: starting them, each compiling its module, takes about 0.3 s, which at 100,000 rows is all they save. */
export const THREADS_FROM_ROWS = 200_000;
const THREADS = 2;
/**
 * Each thread's young generation: three 64 MB semi-spaces, as the retrain's job process has
 * (jobs/jobProcessFlags.ts). A page's 5,000 rows of strings outlived V8's default and were
 * promoted and swept as old objects (a third of the one-thread export's time on PostgreSQL, in a CPU profile);
 * in the threads a million rows went at 71,000–74,000 a second against 112,000–115,000 with this
 * (docs/scaling.md, "The collector in the export's threads").
 */
const YOUNG_GENERATION_MB = 192;

type PageWorker = FunctionWorker<[ExportPageQuery, CsvPageFormat], Uint8Array>;

/**
 * CSV text or bytes, a page at a time. Nothing starts before the first page is asked for, so a
 * download cancelled before it leaves no thread behind.
 */
export async function* customerCsvPages(
  options: ExportOptions,
  format: CsvPageFormat,
  threadsFromRows = THREADS_FROM_ROWS,
): AsyncGenerator<string | Uint8Array> {
  const queries = await exportPageQueries(options, threadsFromRows);
  const workers = queries && (await startWorkers());
  if (queries && workers) {
    yield* inOrder(workers, queries, format);
    return;
  }
  const write = exportCsvWriter(format);
  for await (const page of scoredCustomerPages(options)) yield write(page);
}

/** Null when the threads cannot start (code bundled where tsx cannot compile the worker's module). The module is found from the working directory, the project's root: a bundle keeps no path to it. */
async function startWorkers(): Promise<PageWorker[] | null> {
  const workerModule = pathToFileURL(path.join(process.cwd(), "lib/export/csvPageWorker.ts")).href;
  const workers: PageWorker[] = Array.from(
    { length: THREADS },
    () => new FunctionWorker(workerModule, "writeCsvPage", { youngGenerationMb: YOUNG_GENERATION_MB }),
  );
  if ((await Promise.all(workers.map((worker) => worker.ready()))).every(Boolean)) return workers;
  await Promise.all(workers.map((worker) => worker.terminate()));
  return null;
}

/** Page i goes to worker i mod THREADS, each worker one page at a time, the next as soon as its last is taken. */
async function* inOrder(workers: PageWorker[], queries: ExportPageQuery[], format: CsvPageFormat): AsyncGenerator<Uint8Array> {
  const pending = new Map<number, Promise<Uint8Array>>();
  const send = (page: number) => {
    if (page < queries.length) pending.set(page, workers[page % workers.length].call(queries[page], format));
  };
  try {
    workers.forEach((_, page) => send(page));
    for (let page = 0; page < queries.length; page++) {
      const bytes = await pending.get(page)!;
      pending.delete(page);
      send(page + workers.length);
      if (bytes.length) yield bytes;
    }
  } finally {
    // A download cancelled mid-way leaves pages in flight: their workers are stopped, their failures expected.
    for (const page of pending.values()) page.catch(() => undefined);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
