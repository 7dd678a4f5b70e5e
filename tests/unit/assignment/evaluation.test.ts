import { expect, test } from "vitest";
import { measureAccuracy, confusionMatrix } from "@/lib/ml/assignment/evaluation";

test("counts each (label, prediction) pair and reads accuracy off the diagonal", () => {
  const confusion = confusionMatrix([0, 0, 1, 2, 2], [0, 1, 1, 2, 0], 3);
  expect(confusion).toEqual([
    [1, 1, 0],
    [0, 1, 0],
    [1, 0, 1],
  ]);
  expect(measureAccuracy(confusion)).toBe(3 / 5);
});

test("refuses a prediction outside 0..k-1", () => {
  expect(() => confusionMatrix([0, 1], [0, 2], 2)).toThrow(/row 1 has label 1, prediction 2/);
});
