import { describe, expect, test } from "vitest";
import { z } from "zod";
import { parseScoreRequest } from "@/lib/api/v1/schemas";
import { boundedFieldErrors, describeIssues, MAX_ISSUES } from "@/lib/http/issues";
import { invalidPart } from "@/lib/http/parseRequest";

function issuesOf(result: { success: boolean; error?: z.ZodError }): z.ZodError {
  if (!result.error) throw new Error("expected the input to be refused");
  return result.error;
}

describe("validation errors are bounded", () => {
  test("a 500 KB scoring batch of bad customers answers a few KB: 20 issues and 'and N more'", async () => {
    const customers = Array.from({ length: 1000 }, (_, i) => ({
      externalId: `c${i}`,
      income: "lots",
      yearBirth: "old",
      kidhome: -1,
      education: "x".repeat(420),
    }));
    const body = JSON.stringify({ customers });
    expect(body.length).toBeGreaterThan(500_000);
    const error = issuesOf(parseScoreRequest(JSON.parse(body)));
    expect(error.issues.length).toBeGreaterThan(MAX_ISSUES);

    const response = invalidPart("body", error);
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text.length).toBeLessThan(8_000);
    const json = JSON.parse(text) as { error: string; details: { path: string; message: string }[] };
    expect(json.details).toHaveLength(MAX_ISSUES);
    expect(json.details[0]).toEqual({ path: "body.customers.0.yearBirth", message: "Invalid input: expected number, received string" });
    expect(json.error).toMatch(/^The request body is not valid: customers\.0\.yearBirth: Invalid input: expected number, received string; /);
    expect(json.error).toMatch(new RegExp(`; and ${error.issues.length - 5} more$`));
  });

  test("one issue with a huge message or path is cut", async () => {
    const keys = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`unknown_field_${i}`, 1]));
    const error = issuesOf(parseScoreRequest({ id: "c1", ...keys }));
    expect(error.issues[0].message.length).toBeGreaterThan(100_000);
    const text = await invalidPart("body", error).text();
    expect(text.length).toBeLessThan(1_000);

    const deep = issuesOf(z.record(z.string(), z.number()).safeParse({ ["k".repeat(100_000)]: "not a number" }));
    expect(describeIssues(deep).length).toBeLessThan(500);
  });

  test("describeIssues lists 20 issues and says how many more", () => {
    const error = issuesOf(z.array(z.number()).safeParse(Array.from({ length: 25 }, () => "x")));
    const text = describeIssues(error, "options");
    expect(text.split("; ")).toHaveLength(MAX_ISSUES + 1);
    expect(text).toMatch(/^0: Invalid input: expected number, received string; 1: /);
    expect(text.endsWith("; and 5 more")).toBe(true);
    expect(describeIssues(issuesOf(z.number().safeParse("x")), "options")).toBe("options: Invalid input: expected number, received string");
  });

  test("field errors keep at most 20 messages in all, then one 'and N more'", () => {
    const schema = z.object({ segments: z.array(z.number()), top: z.number() });
    const error = issuesOf(schema.safeParse({ segments: Array.from({ length: 30 }, () => "x"), top: "y" }));
    const fields = boundedFieldErrors(error);
    expect(fields.segments).toHaveLength(MAX_ISSUES);
    expect(fields.top).toBeUndefined();
    expect(fields["(more)"]).toEqual(["and 11 more"]);
    expect(boundedFieldErrors(issuesOf(schema.safeParse({ segments: [], top: "y" })))).toEqual({ top: ["Invalid input: expected number, received string"] });
  });
});
