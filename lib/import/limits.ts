/** The limits on imported files: size (checked before any parsing starts), columns and row length. */
import { ImportError } from "./errors";

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
/** Columns a file may have: every per-column step (header matching, warnings, reports) stays small. */
export const MAX_COLUMNS = 1000;
/** Characters in one record (row), so one endless line cannot exhaust memory. */
export const MAX_RECORD_CHARS = 1024 * 1024;

/** The limit to apply: the caller's value (e.g. from the environment) or the default. */
export function resolveMaxBytes(maxBytes: number | undefined): number {
  if (maxBytes === undefined) return DEFAULT_MAX_BYTES;
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) {
    throw new ImportError("bad_option", `the size limit must be a positive number of bytes (got ${maxBytes})`);
  }
  return maxBytes;
}

/** Throws `too_large` naming both sizes. `atLeast` is for streams, whose full size is not known. */
export function assertWithinLimit(size: number, maxBytes: number, atLeast = false): void {
  if (size <= maxBytes) return;
  const actual = atLeast ? `at least ${formatBytes(size)}` : formatBytes(size);
  throw new ImportError("too_large", `the file is ${actual}; the limit is ${formatBytes(maxBytes)}`);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
