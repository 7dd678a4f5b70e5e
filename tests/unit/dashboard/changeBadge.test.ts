import { describe, expect, test } from "vitest";
import { changeArrow, changeText, changeTone } from "@/lib/dashboard/changeBadge";

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
    expect(changeTone(value, shown, betterWhen)).toBe(tone);
  });

  test("a change that rounds to nothing reads 0 with a flat arrow, never +0", () => {
    expect(changeText(0.2, "0")).toBe("0");
    expect(changeArrow(changeTone(0.2, "0"), 0.2)).toBe("→");
  });

  test("real changes carry their sign and arrow", () => {
    expect(changeText(1200, "1.2K")).toBe("+1.2K");
    expect(changeText(-3, "3")).toBe("−3");
    expect(changeArrow("worse", -3)).toBe("↓");
    expect(changeArrow("worse", 3)).toBe("↑");
  });
});
