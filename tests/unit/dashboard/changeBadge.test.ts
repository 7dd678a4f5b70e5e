import { describe, expect, test } from "vitest";
import { pickChangeArrow, describeChange, pickChangeTone } from "@/lib/dashboard/changeBadge";

describe("change badges", () => {
  test.each([
    [5, "5", "higher", "better"],
    [-5, "5", "higher", "worse"],
    [5, "5", "lower", "worse"],
    [-5, "5", "lower", "better"],
    [0, "0", "higher", "same"],
    [0.2, "0", "higher", "same"],
    [-0.0004, "0.0 pp", "lower", "same"],
  ] as const)("a change of %d shown as %j, better when %s, is %s", (value, shown, betterWhen, tone) => {
    expect(pickChangeTone(value, shown, betterWhen)).toBe(tone);
  });

  test("a change that rounds to nothing reads 0 with a flat arrow, never +0", () => {
    expect(describeChange(0.2, "0")).toBe("0");
    expect(pickChangeArrow(pickChangeTone(0.2, "0"), 0.2)).toBe("→");
  });

  test("real changes carry their sign and arrow", () => {
    expect(describeChange(1200, "1.2K")).toBe("+1.2K");
    expect(describeChange(-3, "3")).toBe("−3");
    expect(pickChangeArrow("worse", -3)).toBe("↓");
    expect(pickChangeArrow("worse", 3)).toBe("↑");
  });
});
