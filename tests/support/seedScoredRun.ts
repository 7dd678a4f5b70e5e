/**
 * A scored, active run written straight through lib/db, without training: synthetic
 * customers (lib/data/synthetic), made-up scores and segments, and the targeting aggregate a
 * real run stores. For the export integration tests and bench:web, where training a real
 * model on a million customers would take far too long. Import it after DATABASE_URL is set.
 */
import { CUSTOMER_COLUMNS, type CustomerRecord } from "@/lib/data/customer";
import { formatFingerprint } from "@/lib/data/inputFingerprint";
import { generateCustomers } from "@/lib/data/synthetic";
import { hash53 } from "@/lib/import/hashIndex";
import { personaColor } from "@/lib/ml/personas";
import { createRng } from "@/lib/ml/random";
import { buildTargeting } from "@/lib/campaign/targeting";
import type { Prisma } from "@/lib/db/internal/client";
import type { RunOutcome, ScoreRow, ScoreRows } from "@/lib/db/runs";

export interface SeedOptions {
  customers: number;
  segments?: number;
  seed?: number;
  /** Overrides applied to the first customers, e.g. hostile strings for the CSV tests. */
  edits?: Partial<CustomerRecord>[];
  /** Overrides applied to the first customers' scores, e.g. a customer without CLV and its reason. */
  scoreEdits?: Partial<ScoreRow>[];
  onProgress?: (message: string) => void;
}

const CHUNK = 50_000;
const COLUMNS = [...CUSTOMER_COLUMNS.map((column) => column.field), "contentHash", "createdAt", "updatedAt"];

/**
 * A run as a retrain starts one, ready for writeRunOutcome: created, holding the retrain lease
 * and running (the writer refuses a run that does not hold the lease).
 */
export async function beginSeededRun(seed: number, config: Prisma.InputJsonValue, customers: number): Promise<{ runId: number; release(): Promise<void> }> {
  const { createRun, markRunRunning } = await import("@/lib/db/runs");
  const { acquireRetrainLease } = await import("@/lib/db/lease");
  const { id: runId } = await createRun({ trigger: "CLI", requestedById: null, seed, config });
  const lease = await acquireRetrainLease(runId, "seeded run");
  await markRunRunning(runId, { count: customers, hash: "seeded" });
  return { runId, release: () => lease.release() };
}

/**
 * The two columns a seeded row leaves empty and a retrain fills: the customer's input
 * fingerprint (as stored, 13–14 hex digits) and a historical CLV. For the write benches, whose
 * rows should weigh what a retrain's do.
 */
export function retrainOnlyFields(customerId: number, clv: number | null): { inputHash: string; historicalClv: number | null } {
  return { inputHash: formatFingerprint(hash53(`customer ${customerId}`)), historicalClv: clv === null ? null : Math.round(clv * 55) / 100 };
}

/** A successful run's outcome with these scores and nothing else (no segments, metrics or artifacts), for tests of the score write; `activate` promotes it. */
export function scoresOnlyOutcome(runId: number, scores: ScoreRows, { activate }: { activate: boolean }): RunOutcome {
  return {
    status: "SUCCEEDED",
    metrics: {},
    drift: null,
    stability: null,
    decision: { promote: activate, reasons: [] },
    reference: {},
    summary: {},
    timings: {},
    artifacts: {},
    segments: [],
    scores,
    activate: activate ? { reason: "promoted" } : null,
    audit: { userId: null, action: activate ? "run.promoted" : "run.rejected", target: `run:${runId}` },
  };
}

export async function seedScoredRun({ customers, segments = 5, seed = 7, edits = [], scoreEdits = [], onProgress }: SeedOptions): Promise<{ runId: number }> {
  const { db } = await import("@/lib/db/internal/client");
  const { bulkInsert } = await import("@/lib/db/internal/bulkWrite");
  const { writeRunOutcome } = await import("@/lib/db/runs");
  const now = new Date();
  for (let start = 0; start < customers; start += CHUNK) {
    const batch = generateCustomers({ seed, start, count: Math.min(CHUNK, customers - start) });
    batch.forEach((customer, i) => Object.assign(customer, edits[start + i] ?? {}));
    const rows = batch.map((customer) => [...CUSTOMER_COLUMNS.map((column) => customer[column.field]), `seed-${customer.externalId}`, now, now]);
    await db.$transaction((tx) => bulkInsert(tx, "Customer", COLUMNS, rows), { timeout: 10 * 60_000 });
    onProgress?.(`customers ${Math.min(customers, start + CHUNK)}`);
  }
  const ids = (await db.customer.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);
  const rng = createRng(seed);
  const scores: ScoreRow[] = ids.map((customerId, i) => {
    const segmentKey = rng.int(segments);
    const probabilities = Array.from({ length: segments }, (_, key) => (key === segmentKey ? 0.8 : 0.2 / (segments - 1)));
    const clv = Math.round(rng.next() * 2000 * 100) / 100;
    return {
      customerId,
      segmentKey,
      segmentProbabilities: JSON.stringify(probabilities),
      responseProbability: Math.round(rng.next() ** (2 + segmentKey) * 1e6) / 1e6,
      clv,
      clvLow: Math.round(clv * 0.7 * 100) / 100,
      clvHigh: Math.round(clv * 1.4 * 100) / 100,
      pAlive: Math.round(rng.next() * 1e4) / 1e4,
      expectedPurchases: Math.round(rng.next() * 500) / 100,
      historicalClv: null,
      responseNote: null,
      clvSource: "profiles",
      clvNote: null,
      inputHash: null,
      pcaX: rng.normal(),
      pcaY: rng.normal(),
      pcaZ: rng.normal(),
      ...scoreEdits[i],
    };
  });
  const { runId, release } = await beginSeededRun(seed, { seeded: true }, customers);
  const segmentRows = Array.from({ length: segments }, (_, key) => {
    const size = scores.filter((score) => score.segmentKey === key).length;
    return {
      segmentKey: key,
      label: key,
      name: `Segment ${String.fromCharCode(65 + key)}`,
      description: "Seeded",
      color: personaColor(key),
      size,
      share: size / scores.length,
      isNew: true,
      profile: {},
      centroid: [],
    };
  });
  const probabilities = scores.map((score) => score.responseProbability ?? Number.NaN);
  const targeting = buildTargeting(
    scores.map((score) => score.segmentKey),
    probabilities,
  );
  await writeRunOutcome(runId, {
    status: "SUCCEEDED",
    metrics: {},
    drift: null,
    stability: null,
    decision: { promote: true, reasons: ["seeded"] },
    reference: {},
    summary: {
      customers: scores.length,
      expectedResponders: probabilities.reduce((sum, p) => (Number.isFinite(p) ? sum + p : sum), 0),
      segments: [],
      targeting,
    } as unknown as Prisma.InputJsonValue,
    timings: {},
    artifacts: { seeded: true },
    segments: segmentRows,
    scores,
    activate: { reason: "promoted" },
    audit: { userId: null, action: "run.promoted", target: `run:${runId}`, details: { reasons: ["seeded"] } },
  });
  await release();
  onProgress?.(`run ${runId} with ${scores.length} scores`);
  return { runId };
}
