import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/http/contentSecurityPolicy";

const directive = (policy: string, name: string) => policy.split("; ").find((part) => part.startsWith(`${name} `));

describe("the pages' Content-Security-Policy", () => {
  test("scripts need the request's nonce: no 'unsafe-inline', no 'unsafe-eval' outside development", () => {
    const policy = contentSecurityPolicy("abc123==");
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(directive(policy, "style-src")).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(contentSecurityPolicy("n", { development: true }), "script-src")).toBe("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
  });

  test("each nonce is fresh: 128 random bits in base64", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  test("HSTS only when the app's address is https", () => {
    expect(strictTransportSecurity("https://segments.example.com")).toBe("max-age=31536000; includeSubDomains");
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
  });
});
