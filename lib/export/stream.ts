/**
 * A CSV download streamed page by page: each page of rows becomes one chunk when the client
 * asks for it, so an export of a million rows never sits in memory.
 */
import { csvRow } from "./csv";

/** `pages` yields CSV text, one page of lines at a time. */
export function csvStream(header: readonly string[], pages: AsyncIterable<string>): ReadableStream<Uint8Array> {
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
      controller.enqueue(encoder.encode(page.value));
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

/**
 * `no-transform` keeps Next.js from gzipping the download: its compression runs at zlib's
 * level 6 in 16 KB steps that wait on the thread formatting the rows, and halved export
 * speed (`npm run bench:web`). A reverse proxy in front can still compress it.
 */
export function csvResponse(stream: ReadableStream<Uint8Array>, fileName: string): Response {
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store, no-transform",
      "x-content-type-options": "nosniff",
    },
  });
}
