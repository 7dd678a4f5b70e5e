import { describe, expect, test } from "vitest";
import { RateLimiter } from "@/lib/http/rateLimit";
import { readBearerSecret } from "@/lib/auth/apiTokens";
import { hashTokenSecret, newTokenSecret } from "@/lib/db/tokenSecrets";

describe("the per-token rate limit", () => {
  test("allows the burst at once, then the rate, and says when to retry", () => {
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 });
    const at = (ms: number) => limiter.take("a", 1_000_000 + ms);
    expect([at(0), at(0), at(0)].every((decision) => decision.allowed)).toBe(true);
    expect(at(0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(at(499).allowed).toBe(false);
    expect(at(500).allowed).toBe(true);
    expect(limiter.take("b", 1_000_000).allowed).toBe(true);
  });

  test("a slow rate asks for a longer wait", () => {
    const limiter = new RateLimiter({ perSecond: 0.1, burst: 1 });
    expect(limiter.take("a", 0).allowed).toBe(true);
    expect(limiter.take("a", 0)).toEqual({ allowed: false, retryAfterSeconds: 10 });
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
