import { describe, expect, test } from "vitest";
import { RateLimiter, type DrawBucket, type RateDecision } from "@/lib/http/rateLimit";
import { readBearerSecret } from "@/lib/auth/apiTokens";
import { hashTokenSecret, newTokenSecret } from "@/lib/db/tokenSecrets";

/** The shared bucket as lib/db/apiRate keeps it, in memory, with a clock the test moves. */
function memoryBuckets() {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const clock = { now: 0, draws: 0 };
  const draw: DrawBucket = async (key, want, { perSecond, burst }) => {
    clock.draws++;
    const bucket = buckets.get(key) ?? { tokens: burst, at: clock.now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((clock.now - bucket.at) / 1000) * perSecond);
    bucket.at = clock.now;
    buckets.set(key, bucket);
    const granted = bucket.tokens >= want ? want : bucket.tokens >= 1 ? 1 : 0;
    bucket.tokens -= granted;
    return { granted, left: bucket.tokens };
  };
  return { draw, clock };
}

const allowed = (decisions: RateDecision[]) => decisions.filter((decision) => decision.allowed).length;

describe("the per-token rate limit", () => {
  test("allows the burst at once, then the rate, and says when to retry", async () => {
    const { draw, clock } = memoryBuckets();
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 }, draw);
    expect(allowed(await Promise.all([limiter.take("a"), limiter.take("a"), limiter.take("a")]))).toBe(3);
    expect(await limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.now = 499;
    expect((await limiter.take("a")).allowed).toBe(false);
    clock.now = 500;
    expect((await limiter.take("a")).allowed).toBe(true);
    expect((await limiter.take("b")).allowed).toBe(true);
  });

  test("a slow rate asks for a longer wait", async () => {
    const limiter = new RateLimiter({ perSecond: 0.1, burst: 1 }, memoryBuckets().draw);
    expect((await limiter.take("a")).allowed).toBe(true);
    expect(await limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  test("two processes' limiters on one shared bucket together allow the burst, not one each", async () => {
    const { draw } = memoryBuckets();
    const [a, b] = [new RateLimiter({ perSecond: 0.001, burst: 4 }, draw), new RateLimiter({ perSecond: 0.001, burst: 4 }, draw)];
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await a.take("t"), await b.take("t"));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, true, false, false, false, false]);
  });

  test("a process draws a slice of a large burst at a time, once for parallel requests", async () => {
    const { draw, clock } = memoryBuckets();
    const limiter = new RateLimiter({ perSecond: 1000, burst: 2000 }, draw);
    expect(limiter.slice).toBe(100);
    expect(allowed(await Promise.all(Array.from({ length: 150 }, () => limiter.take("t"))))).toBe(150);
    expect(clock.draws).toBe(2);
  });
});

describe("API token secrets", () => {
  test("are long, random, recognisable by prefix and stored as their SHA-256", () => {
    const a = newTokenSecret();
    const b = newTokenSecret();
    expect(a.secret).toMatch(/^sst_[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
    expect(a.secret.startsWith(a.prefix)).toBe(true);
    expect(a.hash).toBe(hashTokenSecret(a.secret));
    expect(hashTokenSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  test("are read from a Bearer header only", () => {
    expect(readBearerSecret("Bearer sst_x")).toBe("sst_x");
    expect(readBearerSecret("bearer  sst_x ")).toBe("sst_x");
    expect(readBearerSecret("Basic dXNlcjpwYXNz")).toBeNull();
    expect(readBearerSecret("Bearer")).toBeNull();
    expect(readBearerSecret(null)).toBeNull();
  });
});
