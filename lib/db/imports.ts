/**
 * Writing imports. A file is written in one transaction or not at all; re-imports upsert
 * by external id and leave unchanged rows alone (compared by a content hash), so importing
 * the same snapshot twice changes nothing but the batch record. Each batch keeps its report:
 * what the file held and, for profiles, which stored values it changed. A dry run runs the
 * same writes and rolls them back, so its numbers are exactly the import's.
 */
import "server-only";
import { cache } from "react";
import type { CustomerRecord, OrderRecord } from "@/lib/data/customer";
import type { ImportReport } from "@/lib/import/report";
import { db, type Prisma } from "./client";
import { DB_NULL, serialiseImports } from "./dialect";
import { countTotals } from "./customers";
import { ensureCustomers, upsertCustomers, type ProfileColumns } from "./importCustomers";
import { upsertOrders } from "./importOrders";

export interface RejectedRow {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ImportSummary {
  batchId: number;
  status: "SUCCEEDED" | "REJECTED";
  rowsRead: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsRejected: number;
  customersCreated: number;
  error: string | null;
  /** Null for a file refused before its header was read. */
  report: ImportReport | null;
}

/** What an import would do: the same numbers and report, with no batch kept. */
export type ImportPreview = Omit<ImportSummary, "batchId"> & { batchId: null; dryRun: true };

interface BatchHeader {
  kind: "CUSTOMERS" | "ORDERS";
  fileName: string;
  userId: string | null;
  startedAt: number;
}

/** Long imports must not hit Prisma's 5-second default for interactive transactions. */
const TRANSACTION_OPTIONS = { timeout: 30 * 60_000, maxWait: 60_000 };

type Tx = Prisma.TransactionClient;

interface BatchInput {
  rowsRead: number;
  rejected: RejectedRow[];
  quality: Prisma.InputJsonValue;
  report: ImportReport | null;
}

/**
 * Thrown inside a dry run's transaction once its summary is known: Prisma rolls the
 * transaction back (batch, rows, audit entry, totals, advisory lock) and rethrows it to us.
 */
class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super("dry run: rolled back");
  }
}

/**
 * Runs an import's writes in one transaction; with `dryRun` the very same writes are rolled
 * back and only their summary is returned. PostgreSQL sequences are not transactional, so
 * ids a dry run drew are skipped, as after any rolled-back import.
 */
async function inImportTransaction(dryRun: boolean, write: (tx: Tx) => Promise<ImportSummary>): Promise<ImportSummary | ImportPreview> {
  try {
    return await db.$transaction(async (tx) => {
      const summary = await write(tx);
      if (dryRun) throw new DryRunRollback(summary);
      return summary;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (error instanceof DryRunRollback) return { ...error.summary, batchId: null, dryRun: true };
    throw error;
  }
}

/** Records a refused file: the batch says why, and nothing else is written. */
export async function recordRejectedImport(
  header: BatchHeader,
  details: BatchInput & { error: string },
  dryRun = false,
): Promise<ImportSummary | ImportPreview> {
  const record = async (client: Tx) => {
    const batch = await createBatch(client, header, details, { status: "REJECTED", error: details.error, durationMs: Date.now() - header.startedAt });
    return summarise(batch, 0);
  };
  // A real refusal is a single insert and needs no transaction; a dry run needs one to roll back.
  return dryRun ? inImportTransaction(true, record) : record(db);
}

/** Profiles: only the file's columns (`columns`) are written for customers already stored. */
export async function writeCustomerImport(
  header: BatchHeader,
  input: BatchInput & { records: CustomerRecord[]; columns: ProfileColumns; report: ImportReport },
  dryRun = false,
): Promise<ImportSummary | ImportPreview> {
  return inImportTransaction(dryRun, async (tx) => {
    await serialiseImports(tx);
    const batch = await createBatch(tx, header, input);
    const { changes, ...counts } = await upsertCustomers(tx, batch.id, input.records, input.columns);
    return finishBatch(tx, batch.id, header, { ...counts, customersCreated: 0 }, { ...input.report, changes });
  });
}

export async function writeOrderImport(
  header: BatchHeader,
  input: BatchInput & { orders: OrderRecord[] },
  dryRun = false,
): Promise<ImportSummary | ImportPreview> {
  return inImportTransaction(dryRun, async (tx) => {
    await serialiseImports(tx);
    const batch = await createBatch(tx, header, input);
    const { ids, created } = await ensureCustomers(tx, batch.id, input.orders.map((order) => order.customerId));
    const counts = await upsertOrders(tx, batch.id, input.orders, ids);
    return finishBatch(tx, batch.id, header, { ...counts, customersCreated: created }, input.report);
  });
}

async function createBatch(
  client: Tx,
  header: BatchHeader,
  input: BatchInput,
  outcome: { status: "SUCCEEDED" | "REJECTED"; error?: string; durationMs: number } = { status: "SUCCEEDED", durationMs: 0 },
) {
  return client.importBatch.create({
    data: {
      kind: header.kind,
      fileName: header.fileName,
      userId: header.userId,
      rowsRead: input.rowsRead,
      rowsInserted: 0,
      rowsUpdated: 0,
      rowsUnchanged: 0,
      rowsRejected: input.rejected.length,
      quality: input.quality,
      rejectedRows: input.rejected as unknown as Prisma.InputJsonValue,
      report: reportJson(input.report),
      ...outcome,
    },
  });
}

type Counts = { rowsInserted: number; rowsUpdated: number; rowsUnchanged: number; customersCreated: number };

async function finishBatch(tx: Tx, batchId: number, header: BatchHeader, counts: Counts, report: ImportReport | null): Promise<ImportSummary> {
  const { customersCreated, ...rowCounts } = counts;
  const batch = await tx.importBatch.update({
    where: { id: batchId },
    data: { ...rowCounts, ...(await countTotals(tx)), report: reportJson(report), durationMs: Date.now() - header.startedAt },
  });
  await tx.auditLog.create({
    data: {
      userId: header.userId,
      action: "import.completed",
      target: `import:${batchId}`,
      details: { fileName: header.fileName, kind: header.kind, ...counts },
    },
  });
  return summarise(batch, customersCreated);
}

function reportJson(report: ImportReport | null) {
  return report === null ? DB_NULL : (report as unknown as Prisma.InputJsonValue);
}

function summarise(
  batch: {
    id: number;
    status: "SUCCEEDED" | "REJECTED";
    rowsRead: number;
    rowsInserted: number;
    rowsUpdated: number;
    rowsUnchanged: number;
    rowsRejected: number;
    error: string | null;
    report: Prisma.JsonValue;
  },
  customersCreated: number,
): ImportSummary {
  const { id, status, rowsRead, rowsInserted, rowsUpdated, rowsUnchanged, rowsRejected, error } = batch;
  const report = batch.report as unknown as ImportReport | null;
  return { batchId: id, status, rowsRead, rowsInserted, rowsUpdated, rowsUnchanged, rowsRejected, customersCreated, error, report };
}

export async function listImportBatches(limit = 20) {
  return db.importBatch.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true, kind: true, status: true, fileName: true, createdAt: true, rowsRead: true, rowsInserted: true,
      rowsUpdated: true, rowsUnchanged: true, rowsRejected: true, error: true, durationMs: true,
      user: { select: { email: true } },
    },
  });
}

export async function getImportBatch(id: number) {
  return db.importBatch.findUnique({ where: { id }, include: { user: { select: { email: true } } } });
}

/** The latest successful import, without its rejected rows; read once per render (two overview cards show it). */
export const getLatestImportBatch = cache(async () =>
  db.importBatch.findFirst({ where: { status: "SUCCEEDED" }, orderBy: { id: "desc" }, omit: { rejectedRows: true } }),
);
