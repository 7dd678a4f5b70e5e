/**
 * Seeded pseudo-random numbers (mulberry32). Every model takes a seed and draws from
 * one of these, never from Math.random, so the same data and seed give the same result.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Shuffles in place and returns the array. */
  shuffle<T>(items: T[]): T[];
  /** k distinct indices from [0, n), in random order. */
  sample(n: number, k: number): number[];
  /** A 32-bit seed derived from this stream, for seeding a child generator or a tfjs initializer. */
  seed(): number;
  /** Where the stream stands: resumeRng goes on from here, e.g. in a worker thread. */
  snapshot(): RngState;
}

/** Plain data, so it can be posted to a worker thread. */
export interface RngState {
  state: number;
  /** Box–Muller draws normals in pairs: the second, not yet handed out. */
  spareNormal: number | null;
}

export function createRng(seed: number): Rng {
  return resumeRng({ state: seed >>> 0 || 0x9e3779b9, spareNormal: null });
}

/** The generator a snapshot was taken of, drawing exactly what it would have drawn next. */
export function resumeRng(at: RngState): Rng {
  let state = at.state >>> 0;
  let spareNormal = at.spareNormal;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (n: number): number => Math.floor(next() * n);

  const normal = (): number => {
    if (spareNormal !== null) {
      const value = spareNormal;
      spareNormal = null;
      return value;
    }
    let u = 0;
    while (u === 0) u = next();
    const v = next();
    const radius = Math.sqrt(-2 * Math.log(u));
    spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };

  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  };

  const sample = (n: number, k: number): number[] => {
    if (k > n) throw new RangeError(`cannot sample ${k} of ${n} items`);
    const picked = new Map<number, number>();
    const out: number[] = [];
    // Partial Fisher–Yates over a virtual array, O(k) memory even for large n.
    for (let i = 0; i < k; i++) {
      const j = i + int(n - i);
      const atJ = picked.get(j) ?? j;
      picked.set(j, picked.get(i) ?? i);
      out.push(atJ);
    }
    return out;
  };

  const seedFn = (): number => Math.floor(next() * 2 ** 31);

  const snapshot = (): RngState => ({ state, spareNormal });

  return { next, int, normal, shuffle, sample, seed: seedFn, snapshot };
}

/** murmur3's 32-bit finaliser: neighbouring inputs give unrelated outputs (seeds per block, per-customer draws). */
export function mix32(value: number): number {
  let x = value >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
