/**
 * The Kolmogorov distribution, the limit law of √n·D for the KS statistic D, written out as its
 * two classical series so no statistics package is needed.
 */

const SWITCH = 1.18;

/**
 * Q_KS(λ) = P(K > λ). Above λ ≈ 1.18 the alternating series 2 Σ (−1)^(j−1) e^(−2j²λ²) needs
 * three terms; below it that series converges slowly, so the theta-transformed form
 * K(λ) = √(2π)/λ · Σ e^(−(2j−1)²π²/(8λ²)) is used instead (also a handful of terms).
 */
export function kolmogorovSurvival(lambda: number): number {
  if (!(lambda >= 0)) throw new Error(`kolmogorovSurvival: λ = ${lambda} must be ≥ 0`);
  if (lambda === 0) return 1;
  if (lambda < SWITCH) {
    let cdf = 0;
    for (let j = 1; j <= 100; j++) {
      const term = Math.exp((-((2 * j - 1) ** 2) * Math.PI ** 2) / (8 * lambda * lambda));
      cdf += term;
      if (term <= 1e-17 * cdf) break;
    }
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * cdf));
  }
  let survival = 0;
  for (let j = 1; j <= 100; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    survival += j % 2 === 1 ? term : -term;
    if (term <= 1e-17 * survival) break;
  }
  return Math.min(1, Math.max(0, 2 * survival));
}

/**
 * Asymptotic two-sample KS p-value: Q_KS(√(n·m/(n+m)) · D). No small-sample correction, which
 * matters only below a few dozen rows per side; drift checks run on thousands.
 */
export function ksPValue(statistic: number, n: number, m: number): number {
  const effective = (n * m) / (n + m);
  return kolmogorovSurvival(Math.sqrt(effective) * statistic);
}
