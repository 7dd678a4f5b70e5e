/**
 * A token bucket per key, shared by every server process through the database (lib/db/apiRate).
 * So that a request does not wait on a write, a process draws a slice of the bucket at a time
 * (a twentieth of the burst, at least 1) and spends it locally: every request let through was
 * taken from the shared bucket, and a process holds at most one unspent slice per key. Draws
 * for one key are made one at a time per process, so parallel requests do not each take a slice.
 */
export interface RateLimit {
  /** Requests per second allowed on average. */
  perSecond: number;
  /** Requests allowed at once after a quiet spell. */
  burst: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Takes up to `want` tokens from the shared bucket `key`: how many it got, and how many are left. */
export type DrawBucket = (key: string, want: number, limit: RateLimit) => Promise<{ granted: number; left: number }>;

const SLICES_PER_BURST = 20;

export class RateLimiter {
  private readonly held = new Map<string, number>();
  private readonly drawing = new Map<string, Promise<RateDecision>>();

  constructor(
    private readonly limit: RateLimit,
    private readonly draw: DrawBucket,
  ) {}

  get slice(): number {
    return Math.max(1, Math.floor(this.limit.burst / SLICES_PER_BURST));
  }

  async take(key: string): Promise<RateDecision> {
    for (;;) {
      const held = this.held.get(key) ?? 0;
      if (held >= 1) {
        this.spend(key, held);
        return { allowed: true };
      }
      const pending = this.drawing.get(key);
      if (!pending) return this.drawSlice(key);
      // Another request of this process is drawing: a refusal holds for both, a grant may be shared.
      if (!(await pending).allowed) return pending;
    }
  }

  private spend(key: string, held: number): void {
    if (held > 1) this.held.set(key, held - 1);
    else this.held.delete(key);
  }

  private drawSlice(key: string): Promise<RateDecision> {
    const decision = this.draw(key, this.slice, this.limit)
      .then(({ granted, left }): RateDecision => {
        if (granted < 1) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - left) / this.limit.perSecond)) };
        this.spend(key, (this.held.get(key) ?? 0) + granted);
        return { allowed: true };
      })
      .finally(() => this.drawing.delete(key));
    this.drawing.set(key, decision);
    return decision;
  }
}
