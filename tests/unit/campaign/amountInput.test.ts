import { describe, expect, test } from "vitest";
import { readAmount } from "@/lib/campaign/amountInput";
import { campaignQuery } from "@/lib/campaign/audience";

describe("reading a typed amount", () => {
  test.each([
    ["3", 3],
    [" 0 ", 0],
    ["2.5", 2.5],
  ])("%j reads as %d", (text, value) => {
    expect(readAmount(text, "a cost per contact")).toEqual({ value, error: null });
  });

  test.each([
    ["", "Enter a cost per contact"],
    ["   ", "Enter a cost per contact"],
    ["-1", "Cost per contact must be 0 or more"],
    ["abc", "Cost per contact must be a number"],
    ["2000000", "Cost per contact must be at most 1,000,000"],
  ])("%j is refused: %s", (text, error) => {
    expect(readAmount(text, "a cost per contact")).toEqual({ value: null, error });
  });

  test("the message names the amount", () => {
    expect(readAmount("-5", "a revenue per response").error).toBe("Revenue per response must be 0 or more");
  });

  test("the export's query refuses a negative revenue with the same words", () => {
    const parsed = campaignQuery.safeParse({ revenue: "-5" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["revenue"], message: "must be 0 or more" });
  });
});
