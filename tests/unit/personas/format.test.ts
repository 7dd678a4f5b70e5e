import { expect, test } from "vitest";
import { PERSONA_PALETTE, personaColor } from "@/lib/ml/personas";
import { formatValue, joinAsList } from "@/lib/ml/personas/format";
import { toColorHex } from "@/lib/dashboard/segmentColors";
import tailwind from "@/tailwind.config";

test.each([
  [72_412.4, "money", "72,412"],
  [-1_234_567, "money", "-1,234,567"],
  [0.623, "share", "62%"],
  [0.05, "probability", "5%"],
  [48.4, "days", "48 days"],
  [51.6, "years", "52 years"],
  [0.95, "count", "1.0"],
  [2.34, "count", "2.3"],
  [12.6, "count", "13"],
] as const)("formats %d as %s: %s", (value, unit, text) => {
  expect(formatValue(value, unit)).toBe(text);
});

test.each([
  [[], ""],
  [["a"], "a"],
  [["a", "b"], "a and b"],
  [["a", "b", "c"], "a, b and c"],
])("lists %j as %s", (items, text) => {
  expect(joinAsList(items)).toBe(text);
});

test.each([
  [0, "blue"],
  [4, "rose"],
  [9, "teal"],
  [10, "indigo"],
  [13, "yellow"],
  [14, "blue"],
])("persona %d is %s", (index, color) => {
  expect(personaColor(index)).toBe(color);
});

test("the palette has fourteen distinct Tremor colours, each safelisted for the charts and with its own hex for the 3-D view", () => {
  expect(new Set(PERSONA_PALETTE).size).toBe(14);
  const safelist = (tailwind.safelist as { pattern: RegExp }[])[0].pattern;
  for (const color of PERSONA_PALETTE) {
    expect(safelist.test(`bg-${color}-500`) && safelist.test(`fill-${color}-500`)).toBe(true);
    expect(toColorHex(color)).not.toBe(toColorHex("gray"));
  }
  expect(new Set(PERSONA_PALETTE.map(toColorHex)).size).toBe(14);
});

test("refuses a negative colour index", () => {
  expect(() => personaColor(-1)).toThrow(/integer ≥ 0/);
});
