/** The README's curl example for /api/v1/score must carry every profile field CLV needs, or the first call a reader makes returns `clv: null`. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseScoreRequest, toRecords } from "@/lib/api/v1/schemas";
import { summaryFromProfiles } from "@/lib/ml/clv/summary";

function readmeExampleBody(): unknown {
  const readme = fs.readFileSync(path.join(import.meta.dirname, "../../../README.md"), "utf8");
  const example = /curl [^\n]*\\\n\s*-d '([^']+)'[^\n]*\n\s*http:\/\/localhost:3000\/api\/v1\/score/.exec(readme);
  if (!example) throw new Error("README.md has no curl example for /api/v1/score");
  return JSON.parse(example[1]);
}

describe("the README's scoring example", () => {
  test("is a valid score request", () => {
    expect(parseScoreRequest(readmeExampleBody()).success).toBe(true);
  });

  test("has every profile field the CLV summary needs, so the customer gets a CLV", () => {
    const parsed = parseScoreRequest(readmeExampleBody());
    // The data set's snapshot is in 2014, after its last enrolment (2014-06-29).
    const summary = summaryFromProfiles(toRecords(parsed.data!), { snapshotDate: new Date("2014-10-04") });
    expect(summary.excluded).toEqual([]);
    expect(summary.customerIds).toEqual(["A1"]);
  });
});
