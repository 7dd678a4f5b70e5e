import { expect, test } from "vitest";
import { stratifiedFolds, stratifiedSample, stratifiedSplit } from "@/lib/ml/response/folds";

// 23 responders and 77 non-responders.
const labels = Array.from({ length: 100 }, (_, i) => (i < 23 ? 1 : 0));

test("stratified folds spread each class over the folds within one row", () => {
  const folds = stratifiedFolds(labels, 5, 9);
  for (let f = 0; f < 5; f++) {
    const rows = [...folds.keys()].filter((i) => folds[i] === f);
    const responders = rows.filter((i) => labels[i] === 1).length;
    expect(rows.length).toBe(20);
    expect(responders === 4 || responders === 5).toBe(true); // 23 / 5 = 4.6
  }
});

test("the same seed gives the same folds, another seed different ones", () => {
  expect(stratifiedFolds(labels, 5, 9)).toEqual(stratifiedFolds(labels, 5, 9));
  expect(stratifiedFolds(labels, 5, 9)).not.toEqual(stratifiedFolds(labels, 5, 10));
});

test("a stratified split keeps the class shares", () => {
  // round(23 · 0.2) = 5 responders and round(77 · 0.2) = 15 non-responders go to validation.
  const { train, validation } = stratifiedSplit(labels, 0.2, 1);
  expect(validation.filter((i) => labels[i] === 1)).toHaveLength(5);
  expect(validation).toHaveLength(20);
  expect(new Set([...train, ...validation]).size).toBe(100);
});

test("refuses more folds than members of a class", () => {
  expect(() => stratifiedFolds([1, 0, 0, 0, 0, 0], 5, 1)).toThrow(/only 1 rows of class 1/);
});

test("a stratified sample keeps the response rate, is seeded and ascending", () => {
  // 23% of 40 = 9.2: 9 responders and 31 non-responders.
  const sample = stratifiedSample(labels, 40, 3);
  expect(sample).toHaveLength(40);
  expect(sample.filter((i) => labels[i] === 1)).toHaveLength(9);
  expect(new Set(sample).size).toBe(40);
  expect(sample).toEqual([...sample].sort((a, b) => a - b));
  expect(stratifiedSample(labels, 40, 3)).toEqual(sample);
  expect(stratifiedSample(labels, 40, 4)).not.toEqual(sample);
});

test("a sample as large as the data is all of it", () => {
  expect(stratifiedSample(labels, 100, 3)).toEqual([...labels.keys()]);
  expect(stratifiedSample(labels, 500, 3)).toHaveLength(100);
});
