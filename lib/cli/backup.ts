/**
 * `npm run backup -- FILE` copies the SQLite database online into FILE;
 * `npm run restore -- FILE` puts such a copy back. Exit code 2 on a refused file.
 */
import { parseArgs } from "node:util";
import { BackupError, backupDatabase, restoreDatabase } from "@/lib/db/internal/backup";
import { databaseTarget } from "@/lib/db/internal/provider";
import { env } from "@/lib/env";

const { positionals } = parseArgs({ allowPositionals: true });
const [verb, file] = positionals;
if ((verb !== "backup" && verb !== "restore") || !file) {
  console.error("usage: npm run backup -- FILE | npm run restore -- FILE");
  process.exit(2);
}

try {
  const target = databaseTarget(env.DATABASE_URL);
  const result = verb === "backup" ? await backupDatabase(target, file) : await restoreDatabase(target, file);
  const mb = (result.bytes / 1e6).toFixed(1);
  console.log(verb === "backup" ? `backed up to ${result.file} (${mb} MB, ${result.pages} pages)` : `restored ${file} into ${result.file} (${mb} MB)`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exit(2);
}
