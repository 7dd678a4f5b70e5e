/**
 * A uniform sample of at most `size` items from a stream of unknown length (Vitter's
 * algorithm R), seeded so that the same file gives the same sample. Below `size` items it
 * holds them all, so statistics on it are exact for files of that many rows.
 */
import { createRng, type Rng } from "@/lib/ml/random";

/** Items kept for an import's quartiles: exact up to this many values. */
export const SAMPLE_SIZE = 100_000;
const SEED = 20261203;

export class Reservoir<T> {
  readonly items: T[] = [];
  private seen = 0;
  private readonly rng: Rng;

  constructor(
    private readonly size = SAMPLE_SIZE,
    seed = SEED,
  ) {
    this.rng = createRng(seed);
  }

  add(item: T): void {
    this.seen++;
    if (this.items.length < this.size) {
      this.items.push(item);
      return;
    }
    const index = this.rng.int(this.seen);
    if (index < this.size) this.items[index] = item;
  }
}
