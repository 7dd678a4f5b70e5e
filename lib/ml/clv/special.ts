/**
 * Special functions for the buy-till-you-die models: log-gamma (Lanczos) and the Gauss
 * hypergeometric function 2F1 on z < 1 (power series, after an Euler or Pfaff transformation
 * that makes the terms decay fastest).
 */

// Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients): ~15 significant digits for x > 0.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** log |Γ(x)|; +Infinity at the poles 0, −1, −2, … */
export function lgamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0.5) {
    // Reflection Γ(x)Γ(1−x) = π / sin(πx) keeps the Lanczos sum in its accurate range.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  }
  const shifted = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_G + 2; i++) sum += LANCZOS_COEFFICIENTS[i] / (shifted + i);
  const t = shifted + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Stirling's series for log Γ from this argument on: its five terms are then good to ~1e-16 relative. */
const STIRLING_FROM = 15;
const STIRLING_COEFFICIENTS = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188];

/**
 * log Γ(q + s) − log Γ(q) for q > 0, s >= 0, without the cancellation of the plain difference
 * when q is large (a fit running off to q → ∞): Stirling's series written as differences.
 */
export function lgammaRatio(q: number, s: number): number {
  if (q < STIRLING_FROM) return lgamma(q + s) - lgamma(q);
  const shifted = q + s;
  const main = (q - 0.5) * Math.log1p(s / q) + s * Math.log(shifted) - s;
  return main + stirlingTail(shifted) - stirlingTail(q);
}

function stirlingTail(z: number): number {
  const inverseSquare = 1 / (z * z);
  let sum = 0;
  for (let k = STIRLING_COEFFICIENTS.length - 1; k >= 0; k--) sum = sum * inverseSquare + STIRLING_COEFFICIENTS[k];
  return sum / z;
}

const SERIES_TOLERANCE = 1e-16;
const MAX_SERIES_TERMS = 1_000_000;

/**
 * Gauss hypergeometric 2F1(a, b; c; z) for real z < 1 (c not 0, −1, −2, …). z < 0 is mapped
 * into [0, 1/2) by Pfaff's transformation; on [0, 1) see hyp2f1Scaled.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1)) throw new RangeError(`hyp2f1: z must be < 1, got ${z}`);
  if (z < 0) return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  const sums = new Float64Array(1);
  const exponent = hyp2f1Scaled(a, b, c, Float64Array.of(z), sums);
  return Math.exp(exponent * Math.log1p(-z)) * sums[0];
}

/**
 * 2F1(a, b; c; z[m]) = (1 − z[m])^e · sums[m] for ascending z in [0, 1); returns e. The sums are
 * either the defining series (e = 0) or Euler's transform (1−z)^(c−a−b) 2F1(c−a, c−b; c; z)
 * (e = c − a − b): the one whose terms stop growing sooner at the largest z (the plain series
 * grows for long when a + b ≫ c, Euler's when c − a or c − b is large), else the one whose
 * terms then fall faster, ~n^(a+b−c−1) against ~n^(c−a−b−1). Keeping (1 − z)^e apart lets
 * callers fold it into their own prefactor, where it may cancel a power that would overflow.
 */
export function hyp2f1Scaled(a: number, b: number, c: number, z: Float64Array, sums: Float64Array): number {
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1: c must not be 0 or a negative integer, got ${c}`);
  for (let m = 0; m < z.length; m++) {
    if (!(z[m] >= 0 && z[m] < 1 && (m === 0 || z[m] >= z[m - 1]))) {
      throw new RangeError(`hyp2f1Scaled: z must be ascending in [0, 1), got ${z[m]} at ${m}`);
    }
  }
  const largest = z.length > 0 ? z[z.length - 1] : 0;
  const euler = eulerStopsGrowingFirst(a, b, c, largest);
  const converged = euler ? seriesSums(c - a, c - b, c, z, sums) : seriesSums(a, b, c, z, sums);
  if (!converged) throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${largest}): series did not converge in ${MAX_SERIES_TERMS} terms`);
  return euler ? c - a - b : 0;
}

/**
 * Whether Euler's series reaches the point where every later term ratio is provably below 1
 * before the plain one does (scanned in lockstep, so a long growth phase is never walked to its
 * end); on a tie, whether its terms fall faster (c − a − b < 0).
 */
function eulerStopsGrowingFirst(a: number, b: number, c: number, z: number): boolean {
  for (let n = 0; n < MAX_SERIES_TERMS; n++) {
    const plainGrows = z * ratioBound(a, b, c, n) >= 1;
    const eulerGrows = z * ratioBound(c - a, c - b, c, n) >= 1;
    if (plainGrows !== eulerGrows) return plainGrows;
    if (!plainGrows) break;
  }
  return c - a - b < 0;
}

/**
 * sums[m] = Σ_n (a)_n (b)_n / ((c)_n n!) z[m]^n for ascending z in [0, 1); false if a sum did
 * not converge or overflowed. A sum stops when the rest is provably negligible: past the sign
 * changes of a + n, b + n, c + n each later ratio of successive terms, (a+n)(b+n) z / ((c+n)(n+1)),
 * is at most z · ratioBound (each paired factor moves monotonically towards 1), so the tail is
 * at most a geometric series.
 */
function seriesSums(a: number, b: number, c: number, z: Float64Array, sums: Float64Array): boolean {
  const powers = new Float64Array(z.length).fill(1);
  sums.fill(1);
  let coefficient = 1;
  let open = 0; // smaller z converge first: sums below `open` are final
  for (let n = 0; open < z.length; n++) {
    if (n === MAX_SERIES_TERMS) return false;
    coefficient *= ((a + n) * (b + n)) / ((c + n) * (n + 1));
    for (let m = open; m < z.length; m++) {
      powers[m] *= z[m];
      const term = coefficient * powers[m];
      sums[m] += term;
      if (m !== open) continue;
      if (!Number.isFinite(sums[m])) return false;
      // The bound costs divisions: only worth computing once the term is small.
      if (term === 0) open++;
      else if (Math.abs(term) <= 1e3 * SERIES_TOLERANCE * Math.abs(sums[m])) {
        const tail = z[m] * ratioBound(a, b, c, n + 1);
        if (tail < 1 && (Math.abs(term) * tail) / (1 - tail) <= SERIES_TOLERANCE * Math.abs(sums[m])) open++;
      }
    }
  }
  return true;
}

/** sup over k >= n of |(a+k)(b+k) / ((c+k)(k+1))|, or Infinity while a sign change may lie ahead. */
function ratioBound(a: number, b: number, c: number, n: number): number {
  if (a + n < 0 || b + n < 0 || c + n <= 0) return Infinity;
  const pairedWithC = Math.max(1, (a + n) / (c + n)) * Math.max(1, (b + n) / (n + 1));
  const pairedWithN = Math.max(1, (a + n) / (n + 1)) * Math.max(1, (b + n) / (c + n));
  return Math.min(pairedWithC, pairedWithN);
}
