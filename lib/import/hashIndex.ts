/**
 * A table from 53-bit string hashes to one whole number each, kept in typed arrays outside
 * the JavaScript heap (12 bytes a slot, linear probing): per-row state of a large import
 * (lines seen, occurrences of a line key) without one JS object per row. Two different
 * texts may share a hash (about 1 in 10^15 per pair), so callers use it only where a rare
 * collision costs little (a quality count, the occurrence number of a line key).
 */
const EMPTY = 0;

export class HashIndex {
  private keys = new Float64Array(1024);
  private values = new Uint32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(hash: number): number | undefined {
    const slot = this.find(hash);
    return this.keys[slot] === EMPTY ? undefined : this.values[slot];
  }

  set(hash: number, value: number): void {
    const slot = this.find(hash);
    if (this.keys[slot] === EMPTY) {
      this.keys[slot] = hash + 1;
      this.count++;
    }
    this.values[slot] = value;
    if (this.count * 2 > this.keys.length) this.grow();
  }

  /** The slot holding the hash, or the empty slot where it would go. Keys are stored as hash + 1 (0 is empty). */
  private find(hash: number): number {
    const mask = this.keys.length - 1;
    let slot = (hash >>> 0) & mask;
    while (this.keys[slot] !== EMPTY && this.keys[slot] !== hash + 1) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Uint32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      const slot = this.find(keys[i] - 1);
      this.keys[slot] = keys[i];
      this.values[slot] = values[i];
    }
  }
}

/** cyrb53 (public domain): a fast 53-bit string hash. */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (h2 & 2097151) + (h1 >>> 0);
}
