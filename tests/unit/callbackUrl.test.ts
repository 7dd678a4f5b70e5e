import { describe, expect, test } from "vitest";
import { sanitiseCallbackUrl } from "@/lib/auth/callbackUrl";

const APP = "http://localhost:3000";

describe("the callbackUrl after sign-in", () => {
  test.each([
    ["/\\evil.example/phish"],
    ["/\t/evil.example/phish"],
    ["/%09/evil.example/phish".replace("%09", "\t")],
    ["//evil.example"],
    ["//evil.example/phish?x=1"],
    ["https://evil.example"],
    ["http://localhost:3001/admin"],
    ["javascript:alert(1)"],
    ["JavaScript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["\\\\evil.example"],
    [" //evil.example"],
    ["http://[bad"],
    [""],
    [null],
    [undefined],
  ])("%j goes to /", (callbackUrl) => {
    expect(sanitiseCallbackUrl(callbackUrl, APP)).toBe("/");
  });

  test.each([
    ["/", "/"],
    ["/segments", "/segments"],
    ["/customers?segment=2&sort=clv", "/customers?segment=2&sort=clv"],
    ["/admin/runs/3?tab=drift#top", "/admin/runs/3?tab=drift#top"],
    ["http://localhost:3000/campaigns?mode=top&top=100", "/campaigns?mode=top&top=100"],
    ["/%09/evil.example/phish", "/%09/evil.example/phish"],
    ["/.//evil.example", "/evil.example"],
    ["segments", "/segments"],
  ])("%j stays on the app as %j", (callbackUrl, expected) => {
    expect(sanitiseCallbackUrl(callbackUrl, APP)).toBe(expected);
  });

  test("the app's origin decides: the same absolute address is refused under another origin", () => {
    expect(sanitiseCallbackUrl("https://segments.example.com/segments?x=1", "https://segments.example.com")).toBe("/segments?x=1");
    expect(sanitiseCallbackUrl("https://segments.example.com/segments", APP)).toBe("/");
  });
});
