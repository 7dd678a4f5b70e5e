import { describe, expect, test } from "vitest";
import { appOrigin, crossSiteReason } from "@/lib/http/origin";

const APP = "http://localhost:3000";
const request = (headers: Record<string, string>) => new Headers({ host: "localhost:3000", ...headers });

describe("the cross-site check of state-changing requests", () => {
  test.each(["POST", "PUT", "PATCH", "DELETE"])("%s from the app's own origin goes on, by Origin or, without it, by Referer", (method) => {
    expect(crossSiteReason(method, request({ origin: APP }), APP)).toBeNull();
    expect(crossSiteReason(method, request({ referer: `${APP}/admin/import?x=1` }), APP)).toBeNull();
  });

  test.each([
    ["another port of the same host", { origin: "http://localhost:3001" }, /comes from http:\/\/localhost:3001, not from this app \(http:\/\/localhost:3000\)/],
    ["another host", { origin: "http://evil.example" }, /comes from http:\/\/evil.example/],
    ["another scheme", { origin: "https://localhost:3000" }, /comes from https:\/\/localhost:3000/],
    ["a null origin (sandboxed frame, data: URL)", { origin: "null" }, /origin \(null\) is not this app's/],
    ["a null origin even with a good Referer", { origin: "null", referer: `${APP}/` }, /origin \(null\)/],
    ["a Referer from another port", { referer: "http://localhost:3001/attack.html" }, /comes from http:\/\/localhost:3001/],
    ["neither Origin nor Referer", {}, /neither an Origin nor a Referer/],
  ])("a POST with %s is refused", (_what, headers, reason) => {
    expect(crossSiteReason("POST", request(headers), APP)).toMatch(reason);
  });

  test.each(["GET", "HEAD", "OPTIONS", "get"])("%s is not checked: it changes nothing", (method) => {
    expect(crossSiteReason(method, request({ origin: "http://evil.example" }), APP)).toBeNull();
    expect(crossSiteReason(method, request({}), APP)).toBeNull();
  });

  test("without NEXTAUTH_URL the app's origin is the request's Host (any scheme, as behind a TLS proxy)", () => {
    expect(crossSiteReason("POST", request({ origin: "https://localhost:3000" }), "")).toBeNull();
    expect(crossSiteReason("POST", request({ origin: "http://localhost:3001" }), "")).toMatch(/comes from http:\/\/localhost:3001/);
    expect(crossSiteReason("POST", new Headers({ origin: APP }), "")).toMatch(/not from this app/);
  });

  test("the app's origin is NEXTAUTH_URL's, else the scheme and Host of the request", () => {
    expect(appOrigin(request({}), "https://segments.example.com/base/")).toBe("https://segments.example.com");
    expect(appOrigin(request({}), "")).toBe(APP);
    expect(appOrigin(request({ "x-forwarded-proto": "https" }), "")).toBe("https://localhost:3000");
  });
});
