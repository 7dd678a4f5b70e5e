import { describe, expect, test } from "vitest";
import { clientAddress } from "@/lib/http/clientAddress";

const headers = (forwarded?: string) => new Headers(forwarded === undefined ? {} : { "x-forwarded-for": forwarded, "x-real-ip": "6.6.6.6" });

describe("the client address", () => {
  test("without trusted proxies, X-Forwarded-For and X-Real-IP are not believed: every request is 'unknown'", () => {
    expect(clientAddress(headers("203.0.113.9"), "")).toBe("unknown");
    expect(clientAddress(headers("203.0.113.9, 10.0.0.1"), "")).toBe("unknown");
    expect(clientAddress(headers(), "")).toBe("unknown");
  });

  test("behind trusted proxies it is the last hop that is not one of them, whatever the client prepended", () => {
    expect(clientAddress(headers("203.0.113.9, 10.0.0.1"), "10.0.0.1")).toBe("203.0.113.9");
    expect(clientAddress(headers("1.2.3.4, 203.0.113.9, 10.0.0.2, 10.0.0.1"), " 10.0.0.1 , 10.0.0.2")).toBe("203.0.113.9");
    expect(clientAddress(headers("203.0.113.9"), "10.0.0.1")).toBe("203.0.113.9");
  });

  test("with only trusted hops, or none, it is 'unknown'", () => {
    expect(clientAddress(headers("10.0.0.1"), "10.0.0.1")).toBe("unknown");
    expect(clientAddress(headers(), "10.0.0.1")).toBe("unknown");
  });
});
