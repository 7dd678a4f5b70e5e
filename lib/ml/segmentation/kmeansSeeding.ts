/**
 * k-means++ seeding (Arthur & Vassilvitskii) with scikit-learn's greedy variant: each new
 * centre is the best of `localTrials` candidates drawn with probability ∝ D², "best" meaning
 * the lowest resulting potential (sum of squared distances to the nearest centre).
 *
 * Seeding computes every row's distance to every centre anyway, so it also returns the
 * first assignment (nearest centre, lowest index on ties, and the two smallest distances):
 * the iterations start from it instead of paying another full pass over n × k × d.
 */
import type { Rng } from "../random";
import type { DenseMatrix } from "./matrix";
import { distancesTo, squaredDistance } from "./kmeansSteps";

export interface Seeding {
  centers: Float64Array;
  /** Nearest centre of each row. */
  labels: Int32Array;
  /** Squared distance of each row to its nearest centre. */
  nearest: Float64Array;
  /** Squared distance of each row to its second-nearest centre (Infinity when k = 1). */
  second: Float64Array;
}

/** scikit-learn's default number of candidates per centre. */
export function greedyLocalTrials(k: number): number {
  return 2 + Math.floor(Math.log(k));
}

export function kmeansPlusPlus(matrix: DenseMatrix, k: number, rng: Rng, localTrials: number): Seeding {
  const { data, rows, columns } = matrix;
  const centers = new Float64Array(k * columns);
  const labels = new Int32Array(rows);
  const nearest = new Float64Array(rows);
  const second = new Float64Array(rows).fill(Infinity);
  const first = rng.int(rows);
  centers.set(data.subarray(first * columns, (first + 1) * columns), 0);
  let potential = 0;
  for (let i = 0; i < rows; i++) {
    nearest[i] = squaredDistance(data, i * columns, data, first * columns, columns);
    potential += nearest[i];
  }
  const trials = Array.from({ length: localTrials }, () => new Float64Array(rows));
  for (let c = 1; c < k; c++) {
    // The draws depend only on the current distances, so all candidates are drawn first and
    // scored together: each row is loaded once for all of them (see distancesTo).
    const candidates = Array.from({ length: localTrials }, () => drawProportional(nearest, potential, rng));
    const potentials = scoreCandidates(matrix, candidates, nearest, trials);
    const best = potentials.indexOf(Math.min(...potentials));
    centers.set(data.subarray(candidates[best] * columns, (candidates[best] + 1) * columns), c * columns);
    addCentre(c, trials[best], labels, nearest, second);
    potential = potentials[best];
  }
  return { centers, labels, nearest, second };
}

/**
 * The seeding from centres given by the caller instead of drawn: each row's nearest and
 * second-nearest centre, as k-means++ leaves them. How the tests start our iterations from the
 * same centroids as a reference implementation.
 */
export function seedingFromCenters(matrix: DenseMatrix, centers: Float64Array): Seeding {
  const { data, rows, columns } = matrix;
  const k = centers.length / columns;
  if (!Number.isInteger(k) || k < 1) throw new Error(`seedingFromCenters: ${centers.length} centre values do not divide into rows of ${columns}`);
  const labels = new Int32Array(rows);
  const nearest = new Float64Array(rows).fill(Infinity);
  const second = new Float64Array(rows).fill(Infinity);
  const distances = new Float64Array(k);
  for (let i = 0; i < rows; i++) {
    distancesTo(data, i * columns, centers, k, columns, distances);
    for (let c = 0; c < k; c++) {
      if (distances[c] < nearest[i]) {
        second[i] = nearest[i];
        nearest[i] = distances[c];
        labels[i] = c;
      } else if (distances[c] < second[i]) {
        second[i] = distances[c];
      }
    }
  }
  return { centers: centers.slice(), labels, nearest, second };
}

/** Index drawn with probability weights[i] / total; uniform when every weight is 0. */
function drawProportional(weights: Float64Array, total: number, rng: Rng): number {
  if (!(total > 0)) return rng.int(weights.length);
  const target = rng.next() * total;
  let cumulative = 0;
  let lastPositive = 0;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] <= 0) continue;
    cumulative += weights[i];
    lastPositive = i;
    if (cumulative > target) return i;
  }
  // Rounding can leave the running sum just below the target.
  return lastPositive;
}

/** Potential if each candidate joined the centres; `out[t]` receives each row's distance to candidate t. */
function scoreCandidates(matrix: DenseMatrix, candidates: readonly number[], nearest: Float64Array, out: Float64Array[]): number[] {
  const { data, rows, columns } = matrix;
  const count = candidates.length;
  const points = new Float64Array(count * columns);
  candidates.forEach((row, t) => points.set(data.subarray(row * columns, (row + 1) * columns), t * columns));
  const potentials = new Float64Array(count);
  const distances = new Float64Array(count);
  for (let i = 0; i < rows; i++) {
    distancesTo(data, i * columns, points, count, columns, distances);
    const current = nearest[i];
    for (let t = 0; t < count; t++) {
      const distance = distances[t];
      out[t][i] = distance;
      potentials[t] += distance < current ? distance : current;
    }
  }
  return Array.from(potentials);
}

/** Folds centre c's distances into the running assignment (strict <, so lower indices win ties). */
function addCentre(c: number, distances: Float64Array, labels: Int32Array, nearest: Float64Array, second: Float64Array): void {
  for (let i = 0; i < distances.length; i++) {
    const distance = distances[i];
    if (distance < nearest[i]) {
      second[i] = nearest[i];
      nearest[i] = distance;
      labels[i] = c;
    } else if (distance < second[i]) {
      second[i] = distance;
    }
  }
}
