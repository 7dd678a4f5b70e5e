import { describe, expect, test } from "vitest";
import { describeSegments } from "@/lib/ml/personas";

// Segment 0: ten customers, income known for all; segment 1: ten customers, income known for only 7 (70%).
const labels = Int32Array.from([...new Array(10).fill(0), ...new Array(10).fill(1)]);
const income = Float64Array.from([...new Array(10).fill(90_000), 20_000, 20_000, 20_000, 20_000, 20_000, 20_000, 20_000, NaN, NaN, NaN]);
const recency = Float64Array.from([...new Array(10).fill(10), ...new Array(10).fill(300)]);

describe("personas say only what most of a segment's data shows", () => {
  const personas = describeSegments(
    labels,
    [
      { name: "income", values: income },
      { name: "recency", values: recency },
    ],
    { k: 2 },
  );

  test("a feature most members have describes the segment", () => {
    const statistic = personas[0].features.find((f) => f.name === "income")!;
    expect(statistic.coverage).toBe(1);
    expect(statistic.z).toBeGreaterThan(0.5);
    expect(personas[0].topTraits.map((t) => t.feature)).toContain("income");
  });

  test("a feature under 80% of the members have makes no trait, name or action, though its mean is still shown", () => {
    const statistic = personas[1].features.find((f) => f.name === "income")!;
    expect(statistic.coverage).toBe(0.7);
    expect(statistic.mean).toBe(20_000);
    expect(statistic.z).toBeNull();
    expect(personas[1].topTraits.map((t) => t.feature)).toEqual(["recency"]);
    expect(personas[1].name).not.toMatch(/Budget/);
    expect(personas[1].description).not.toMatch(/income/);
  });
});
