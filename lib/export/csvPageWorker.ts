/**
 * Runs in a worker thread (csvPages.ts): reads one page of a customer export on a read-only
 * connection of the thread's own and writes it as CSV bytes, so that two pages are read and
 * written at once on two cores.
 */
import { openRawReader, type RawReader } from "@/lib/db/internal/rawConnection";
import type { ExportPageQuery } from "@/lib/db/scores/export";
import { exportCsvWriter, type CsvPageFormat } from "./customerCsv";

let connection: { url: string; reader: RawReader } | null = null;
const encoder = new TextEncoder();

export async function writeCsvPage(query: ExportPageQuery, format: CsvPageFormat): Promise<Uint8Array> {
  if (connection?.url !== query.target.url) {
    await connection?.reader.close();
    connection = { url: query.target.url, reader: openRawReader(query.target) };
  }
  return encoder.encode(exportCsvWriter(format)(await connection.reader.read(query.sql, query.params)));
}
