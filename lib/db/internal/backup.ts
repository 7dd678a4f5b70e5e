/**
 * Online backup and restore of the SQLite database through SQLite's backup API, which copies
 * a consistent snapshot page by page while the app keeps reading and writing, and restores
 * the same way into the live file, so neither needs the app stopped. PostgreSQL has pg_dump
 * and pg_restore for this (see the README).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createPrivateFile } from "./privateFile";
import type { DatabaseTarget } from "./provider";

export class BackupError extends Error {}

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

export async function backupDatabase(target: DatabaseTarget, file: string): Promise<BackupResult> {
  const sqlite = requireSqlite(target, "backup", 'pg_dump --format=custom --file FILE "$DATABASE_URL"');
  if (!fs.existsSync(sqlite.filePath)) throw new BackupError(`backup: there is no database at ${sqlite.filePath}`);
  const destination = path.resolve(file);
  if (fs.existsSync(destination)) throw new BackupError(`backup: ${destination} already exists; choose a new file name`);
  // Private before the first page is copied into it; SQLite's backup writes into the empty file.
  createPrivateFile(destination, { exclusive: true });
  const source = new Database(sqlite.filePath, { fileMustExist: true });
  try {
    const { totalPages } = await source.backup(destination);
    // The copy is a standalone file: no WAL beside it to lose.
    withDatabase(destination, (copy) => copy.pragma("journal_mode = DELETE"));
    return { file: destination, bytes: fs.statSync(destination).size, pages: totalPages };
  } finally {
    source.close();
  }
}

export async function restoreDatabase(target: DatabaseTarget, file: string): Promise<BackupResult> {
  const sqlite = requireSqlite(target, "restore", 'pg_restore --clean --if-exists --dbname "$DATABASE_URL" FILE');
  const backup = path.resolve(file);
  checkBackup(backup);
  createPrivateFile(sqlite.filePath);
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    // Into the live file, as one write transaction on it: readers see the old or the new database.
    const { totalPages } = await source.backup(sqlite.filePath);
    return { file: sqlite.filePath, bytes: fs.statSync(sqlite.filePath).size, pages: totalPages };
  } finally {
    source.close();
  }
}

/** Refuses what is not a sound backup of this app before anything is overwritten. */
function checkBackup(file: string): void {
  if (!fs.existsSync(file)) throw new BackupError(`restore: there is no file at ${file}`);
  let problem: string | null = null;
  try {
    withDatabase(
      file,
      (db) => {
        const integrity = db.pragma("integrity_check", { simple: true });
        if (integrity !== "ok") problem = `it fails SQLite's integrity check (${String(integrity)})`;
        else if (!db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get())
          problem = "it is an SQLite database but not one of this app's (no migration history)";
      },
      { readonly: true },
    );
  } catch (error) {
    problem = `it is not an SQLite database (${(error as Error).message})`;
  }
  if (problem) throw new BackupError(`restore: ${file} cannot be restored: ${problem}; the database was not touched`);
}

function requireSqlite(target: DatabaseTarget, verb: string, pgCommand: string) {
  if (target.provider !== "sqlite") throw new BackupError(`${verb}: DATABASE_URL is PostgreSQL; use ${pgCommand} (see the README)`);
  return target;
}

function withDatabase<T>(file: string, work: (db: Database.Database) => T, options: Database.Options = {}): T {
  const db = new Database(file, { ...options, fileMustExist: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}
