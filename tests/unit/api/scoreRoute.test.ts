import { describe, expect, test } from "vitest";
import { parseScoreRequest } from "@/lib/api/v1/schemas";
import { describeIssues } from "@/lib/http/issues";
import { GET, DELETE } from "@/app/api/v1/score/route";

describe("POST /api/v1/score, other methods", () => {
  test.each([
    ["GET", GET],
    ["DELETE", DELETE],
  ])("%s answers 405 with a JSON body naming POST and an Allow header", async (method, handler) => {
    const response = await handler(new Request("http://localhost/api/v1/score", { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("POST");
    expect(await response.json()).toEqual({ error: `${method} is not supported here; use POST.`, details: [] });
  });
});

describe("score request dates", () => {
  test.each(["13/02/2014", "2014-13-02", "yesterday"])("a bad date (%s) names the field and the expected format", (dtCustomer) => {
    const parsed = parseScoreRequest({ externalId: "A1", dtCustomer });
    expect(parsed.success).toBe(false);
    expect(describeIssues(parsed.error!)).toBe("dtCustomer: expected a date as YYYY-MM-DD (or a date-time such as 2014-02-13T00:00:00Z)");
  });

  test("a bad date in a batch names its place in the batch", () => {
    const parsed = parseScoreRequest({ customers: [{ dtCustomer: "2014-02-13" }, { dtCustomer: "02/13/2014" }] });
    expect(describeIssues(parsed.error!)).toMatch(/^customers\.1\.dtCustomer: expected a date as YYYY-MM-DD/);
  });

  test.each(["2014-02-13", "2014-02-13T08:30:00Z", "2014-02-13T08:30:00+02:00"])("%s is accepted", (dtCustomer) => {
    expect(parseScoreRequest({ dtCustomer }).success).toBe(true);
  });
});
