/** Distances between two discrete distributions given as aligned share vectors. */

function checkAligned(reference: readonly number[], current: readonly number[], where: string): void {
  if (reference.length !== current.length) {
    throw new Error(`${where}: ${reference.length} reference shares but ${current.length} current shares`);
  }
}

/**
 * PSI = Σ (c_i − r_i) · ln(c_i / r_i). A share of exactly 0 on either side would make the term
 * infinite, so it is replaced by `epsilon` (1e-4 by default, as Evidently does) without
 * renormalising: an empty bin facing a share s then adds about s·ln(s/ε), large but finite, and
 * a bin empty on both sides adds nothing.
 */
export function populationStabilityIndex(reference: readonly number[], current: readonly number[], epsilon = 1e-4): number {
  checkAligned(reference, current, "populationStabilityIndex");
  let psi = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i] > 0 ? reference[i] : epsilon;
    const c = current[i] > 0 ? current[i] : epsilon;
    psi += (c - r) * Math.log(c / r);
  }
  return psi;
}

/**
 * Jensen–Shannon distance: √JSD with base-2 logarithms, so 0 for equal distributions and 1 for
 * disjoint ones. No smoothing needed: a zero share contributes 0 (0·log 0 = 0) and the mixture
 * is positive wherever either share is.
 */
export function jensenShannonDistance(reference: readonly number[], current: readonly number[]): number {
  checkAligned(reference, current, "jensenShannonDistance");
  let divergence = 0;
  for (let i = 0; i < reference.length; i++) {
    const p = reference[i];
    const q = current[i];
    const mixture = (p + q) / 2;
    if (p > 0) divergence += 0.5 * p * Math.log2(p / mixture);
    if (q > 0) divergence += 0.5 * q * Math.log2(q / mixture);
  }
  return Math.sqrt(Math.min(1, Math.max(0, divergence)));
}
