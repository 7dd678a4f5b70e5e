/**
 * A CSV download streamed page by page: each page of rows becomes one chunk when the client
 * asks for it, so an export of a million rows never sits in memory.
 */
import { csvRow, type CsvValue } from "./csv";

export function csvStream(header: readonly string[], pages: AsyncIterable<CsvValue[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(header)));
        return;
      }
      const page = await iterator.next();
      if (page.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(page.value.map(csvRow).join("")));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** "segments-run12-2026-11-29.csv": what, from which run, on which day. */
export function exportFileName(what: string, runId: number, now: Date = new Date()): string {
  return `${what}-run${runId}-${now.toISOString().slice(0, 10)}.csv`;
}

export function csvResponse(stream: ReadableStream<Uint8Array>, fileName: string): Response {
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
