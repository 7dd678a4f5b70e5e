/**
 * Database files hold password hashes and customer data: they are created readable and
 * writable by their owner only (0600), whatever the umask. SQLite gives its -wal and -shm
 * files the mode of the database file.
 */
import fs from "node:fs";
import path from "node:path";

const PRIVATE = 0o600;

/** Creates `file` empty and private unless it exists; `exclusive` makes an existing file an error. */
export function createPrivateFile(file: string, { exclusive = false } = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!exclusive && fs.existsSync(file)) return;
  fs.closeSync(fs.openSync(file, exclusive ? "wx" : "a", PRIVATE));
  fs.chmodSync(file, PRIVATE);
}
