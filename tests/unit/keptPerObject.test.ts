import { expect, test } from "vitest";
import { keptPerObject } from "@/lib/ml/keptPerObject";

test("a value is made once per object and key, and kept for the next call", () => {
  const made: [string, number][] = [];
  const scaled = keptPerObject((model: { name: string; weights: number[] }, factor: number) => {
    made.push([model.name, factor]);
    return model.weights.map((w) => w * factor);
  });
  const a = { name: "a", weights: [1, 2] };
  const b = { name: "b", weights: [1, 2] };
  const first = scaled(a, 2);
  expect(first).toEqual([2, 4]);
  expect(scaled(a, 2)).toBe(first);
  expect(scaled(a, 3)).toEqual([3, 6]);
  expect(scaled(b, 2)).not.toBe(first);
  expect(scaled(b, 2)).toEqual(first);
  expect(made).toEqual([
    ["a", 2],
    ["a", 3],
    ["b", 2],
  ]);
});
