/**
 * A CSV download streamed page by page: each page of rows becomes one chunk when the client
 * asks for it, so an export of a million rows never sits in memory.
 */
import { csvRow } from "./csvCells";
import { formatContentDisposition } from "./fileName";

/** UTF-8's byte-order mark: Excel reads a CSV without it in the system's legacy code page, so "Straße" arrives garbled. */
const BOM = [0xef, 0xbb, 0xbf];

export interface CsvDownload {
  /** Start the file with the byte-order mark ("for Excel"); other readers take it for part of the first header. */
  bom?: boolean;
}

function withBom(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start(controller) {
        // A fresh array per file: a chunk handed on may be transferred (detached) by its reader.
        controller.enqueue(new Uint8Array(BOM));
      },
    }),
  );
}

/** `pages` yields CSV text, or its UTF-8 bytes, one page of lines at a time. */
export function csvStream(header: readonly string[], pages: AsyncIterable<string | Uint8Array>): ReadableStream<Uint8Array> {
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
      controller.enqueue(typeof page.value === "string" ? encoder.encode(page.value) : page.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * `no-transform` keeps Next.js from gzipping the download: its compression runs at zlib's
 * level 6 in 16 KB steps that wait on the thread formatting the rows, and halved export
 * speed (`npm run bench:web`). A reverse proxy in front can still compress it.
 */
export function csvResponse(stream: ReadableStream<Uint8Array>, fileName: string, { bom = false }: CsvDownload = {}): Response {
  return new Response(bom ? withBom(stream) : stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": formatContentDisposition(fileName),
      "cache-control": "no-store, no-transform",
      "x-content-type-options": "nosniff",
    },
  });
}
