/**
 * An upload stream written to a temporary file, so that the import can read it twice (once
 * to decide its formats, once for its rows) without holding it in memory. The size limit is
 * enforced while writing: a stream over it is stopped, not stored.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { resolveMaxBytes } from "./limits";
import { byteChunks } from "./source";

export interface SpooledFile {
  path: string;
  /** Deletes the file; safe to call twice. */
  remove(): Promise<void>;
}

export async function spoolToFile(stream: Readable, maxBytes?: number): Promise<SpooledFile> {
  const dir = await mkdtemp(path.join(tmpdir(), "import-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  const file = path.join(dir, "upload.csv");
  try {
    await pipeline(byteChunks(stream, resolveMaxBytes(maxBytes)), createWriteStream(file));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path: file, remove };
}
