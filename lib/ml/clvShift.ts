/**
 * How far CLV moved between the active run and a new one for customers whose own data did not
 * change (same input fingerprint, lib/data/inputFingerprint.ts). Their CLV should move only
 * as the population's model moves; a large move for most of them means one unrelated file
 * reshaped everyone's value, which the promotion gate holds for review.
 */

/** The active run's per customer, ascending by customer id (as lib/db/scores/runInputs.ts reads it); NaN where it had none. */
export interface ClvBefore {
  customerIds: Int32Array;
  clv: Float64Array;
  inputHash: Float64Array;
}

/** The new run's, in any order. */
export interface ClvAfter {
  customerIds: readonly number[];
  clv: Float64Array;
  inputHash: Float64Array;
}

/** Signed relative changes (new − old) / old of the customers compared, or why none were. */
export type ClvChanges = { changes: Float64Array } | { reason: string };

export function measureClvChangesOfUnchanged(before: ClvBefore, after: ClvAfter): ClvChanges {
  if (before.customerIds.length !== before.clv.length || before.clv.length !== before.inputHash.length)
    throw new RangeError("ClvBefore: customerIds, clv and inputHash differ in length");
  if (after.customerIds.length !== after.clv.length || after.clv.length !== after.inputHash.length)
    throw new RangeError("ClvAfter: customerIds, clv and inputHash differ in length");
  if (!before.inputHash.some(Number.isFinite))
    return { reason: "the active run stored no per-customer data fingerprints (it was trained before they existed)" };
  const changes = new Float64Array(after.customerIds.length);
  let count = 0;
  after.customerIds.forEach((customerId, i) => {
    const j = indexOfSorted(before.customerIds, customerId);
    // A CLV of 0 before has no relative change; such customers are left out.
    if (j < 0 || before.inputHash[j] !== after.inputHash[i] || !(before.clv[j] > 0) || !Number.isFinite(after.clv[i])) return;
    changes[count++] = (after.clv[i] - before.clv[j]) / before.clv[j];
  });
  if (count === 0) return { reason: "no customer has the same data as in the active run and a positive CLV in both runs" };
  return { changes: changes.slice(0, count) };
}

function indexOfSorted(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** How many moved by more than `maxShift` (a share: 0.25 is 25%), and the median signed change. */
export function summariseClvChanges(changes: Float64Array, maxShift: number): { compared: number; moved: number; medianChange: number } {
  let moved = 0;
  // The epsilon keeps a change of exactly the threshold (up to rounding) from counting as more.
  for (const change of changes) if (Math.abs(change) > maxShift + 1e-9) moved++;
  return { compared: changes.length, moved, medianChange: median(changes) };
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
