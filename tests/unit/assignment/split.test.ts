import { expect, test } from "vitest";
import { createRng } from "@/lib/ml/random";
import { planSplits, stratifiedPartition } from "@/lib/ml/assignment/split";

/** 500 rows of segment 0, 300 of segment 1, 200 of segment 2, interleaved. */
const labels = Int32Array.from({ length: 1000 }, (_, i) => (i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2));
const countBy = (rows: number[]) => [0, 1, 2].map((c) => rows.filter((row) => labels[row] === c).length);

test("a stratified partition takes the same share of every segment", () => {
  const rows = Array.from({ length: 1000 }, (_, i) => i);
  const { picked, rest } = stratifiedPartition(rows, labels, 3, 0.1, createRng(1));
  expect(countBy(picked)).toEqual([50, 30, 20]);
  expect([...picked, ...rest].sort((a, b) => a - b)).toEqual(rows);
});

test("test, sampled training rows and validation keep the segment mix and never overlap", () => {
  const splits = planSplits(labels, 3, { testFraction: 0.2, testRows: 1_000, validationFraction: 0.2, trainingRows: 400 }, createRng(2));
  expect(countBy(splits.test)).toEqual([100, 60, 40]);
  expect(countBy(splits.validation)).toEqual([40, 24, 16]);
  expect(countBy(splits.train)).toEqual([160, 96, 64]);
  expect(new Set([...splits.train, ...splits.validation, ...splits.test]).size).toBe(200 + 80 + 320);
});

test("the same seed gives the same splits, another seed others", () => {
  const plan = { testFraction: 0.2, testRows: 1_000, validationFraction: 0.2, trainingRows: 10_000 };
  expect(planSplits(labels, 3, plan, createRng(3))).toEqual(planSplits(labels, 3, plan, createRng(3)));
  expect(planSplits(labels, 3, plan, createRng(3)).test).not.toEqual(planSplits(labels, 3, plan, createRng(4)).test);
});

test("large data holds out at most testRows for the test, still stratified, and trains on the capped sample", () => {
  const splits = planSplits(labels, 3, { testFraction: 0.2, testRows: 100, validationFraction: 0.2, trainingRows: 400 }, createRng(5));
  expect(countBy(splits.test)).toEqual([50, 30, 20]);
  expect(countBy(splits.validation)).toEqual([40, 24, 16]);
  expect(countBy(splits.train)).toEqual([160, 96, 64]);
});
