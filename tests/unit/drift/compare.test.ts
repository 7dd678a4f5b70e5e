import { describe, expect, test } from "vitest";
import { compareToReference, computeReferenceStats, type DriftColumn } from "@/lib/ml/drift";
import { createRng } from "@/lib/ml/random";

const numeric = (name: string, values: ArrayLike<number>): DriftColumn => ({ name, kind: "numeric", values: Float64Array.from(values) });
const categorical = (name: string, values: (string | null)[]): DriftColumn => ({ name, kind: "categorical", values });

/** Customer-like columns drawn from one fixed distribution; each seed is a fresh sample of it. */
function customers(seed: number, rows = 5000): DriftColumn[] {
  const rng = createRng(seed);
  const draw = <T>(f: () => T) => Array.from({ length: rows }, f);
  const education = ["Graduation", "PhD", "Master", "Basic"];
  return [
    numeric(
      "age",
      draw(() => 45 + 12 * rng.normal()),
    ),
    numeric(
      "income",
      draw(() => Math.exp(10.8 + 0.4 * rng.normal())),
    ),
    numeric(
      "kids",
      draw(() => rng.int(3)),
    ),
    numeric(
      "recency",
      draw(() => (rng.next() < 0.05 ? NaN : rng.int(100))),
    ),
    categorical(
      "education",
      draw(() => {
        const u = rng.next();
        return education[u < 0.5 ? 0 : u < 0.7 ? 1 : u < 0.85 ? 2 : 3];
      }),
    ),
  ];
}

const feature = (report: ReturnType<typeof compareToReference>, name: string) => report.features.find((f) => f.name === name)!;

describe("numeric drift on hand-computed data", () => {
  test("PSI counts current values in the reference's bins", () => {
    // Reference 1..10 has ten distinct values → one bin per value, each 0.1. Current puts half its rows
    // at 1 (0.5 in bin 1), none in bins 2–5 (smoothed to 1e-4), 0.1 in each of 6..10. PSI =
    // 0.4·ln 5 + 4·(1e-4 − 0.1)·ln(1e-4/0.1) = 0.6437752 + 4·0.0999·6.9077553 = 3.4041142.
    const reference = computeReferenceStats([numeric("x", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])]);
    const report = compareToReference(reference, [numeric("x", [1, 1, 1, 1, 1, 6, 7, 8, 9, 10])]);
    expect(report.features[0].psi).toBeCloseTo(3.4041142, 6);
    expect(report.features[0].severity).toBe("significant");
  });

  test("reports KS, its p-value and Wasserstein over the reference sd", () => {
    // {1,2,3,4} vs {3,4,5,6,7}: KS 0.6, W1 2.5 (see sample.test.ts). Reference sd = √1.25 → W/sd = √5.
    // p = Q_KS(√(4·5/9)·0.6) = Q_KS(0.894427) = 0.400471 (scipy.stats.kstwobign.sf).
    const reference = computeReferenceStats([numeric("x", [1, 2, 3, 4])]);
    const drift = compareToReference(reference, [numeric("x", [3, 4, 5, 6, 7])]).features[0];
    expect(drift.ksStatistic).toBeCloseTo(0.6, 12);
    expect(drift.wasserstein).toBeCloseTo(Math.sqrt(5), 12);
    expect(drift.ksPValue).toBeCloseTo(0.400471, 6);
  });

  test("Wasserstein of constant columns is |a − b| over the sd floor, 0 when unchanged", () => {
    // The reference sd is 0, so the distance is divided by the floor 0.001: |3 − 5| / 0.001 = 2000.
    // A constant column has one PSI bin, so PSI is 0 and the Wasserstein flag alone makes it moderate.
    const reference = computeReferenceStats([numeric("x", [3, 3, 3, 3])]);
    const moved = compareToReference(reference, [numeric("x", [5, 5, 5, 5])]).features[0];
    expect(moved).toMatchObject({ psi: 0, ksStatistic: 1, severity: "moderate", drifted: true });
    expect(moved.wasserstein).toBeCloseTo(2000, 9);
    const unchanged = compareToReference(reference, [numeric("x", [3, 3, 3, 3])]).features[0];
    expect(unchanged).toMatchObject({ psi: 0, wasserstein: 0, ksStatistic: 0, severity: "none" });
  });

  test("Wasserstein of a shifted two-point column is the shift over the reference sd", () => {
    // {1, 3} has sd 1; {4, 6} is the same shape moved by 3 → W/sd = 3.
    const reference = computeReferenceStats([numeric("x", [1, 3])]);
    expect(compareToReference(reference, [numeric("x", [4, 6])]).features[0].wasserstein).toBeCloseTo(3, 12);
  });

  test("missing values move PSI through the missing bin while KS and Wasserstein see only present values", () => {
    // Reference 1..10 ten times each (shares 0.1, no missing); current drops 3 of each ten to NaN:
    // shares 0.07 per value, 0.3 missing. PSI = 10·(−0.03)·ln 0.7 + (0.3 − 1e-4)·ln(0.3/1e-4)
    // = 0.1070025 + 0.2999·8.0063675 = 2.5081121.
    const values = Array.from({ length: 100 }, (_, i) => (i % 10) + 1);
    const reference = computeReferenceStats([numeric("x", values)]);
    const drift = compareToReference(reference, [
      numeric(
        "x",
        values.map((v, i) => (i < 30 ? NaN : v)),
      ),
    ]).features[0];
    expect(drift.psi).toBeCloseTo(2.5081121, 6);
    expect(drift).toMatchObject({ ksStatistic: 0, wasserstein: 0 });
  });

  test("a tie group on an edge stays in its bin when the stored edge comes back a last digit off", () => {
    // One bin per distinct value: edges 0.1 + 0.2 and 1.7. The first edge read back one ulp low
    // (as Prisma's JSON write returns about half of all doubles) must not move the three ties
    // at 0.1 + 0.2 into the next bin: unchanged data has PSI 0.
    const tie = 0.1 + 0.2;
    const values = [tie, tie, tie, 1.7, 1.7, 2.5];
    const reference = computeReferenceStats([numeric("x", values)]);
    const stored = reference.features[0] as Extract<(typeof reference.features)[number], { kind: "numeric" }>;
    expect(stored.binEdges).toEqual([tie, 1.7]);
    stored.binEdges[0] = tie * (1 - Number.EPSILON);
    expect(stored.binEdges[0]).not.toBe(tie);
    expect(compareToReference(reference, [numeric("x", values)]).features[0].psi).toBe(0);
  });

  test("reports null distances when the current column has no present value", () => {
    const reference = computeReferenceStats([numeric("x", [1, 2])]);
    expect(compareToReference(reference, [numeric("x", [NaN, NaN])]).features[0]).toMatchObject({
      wasserstein: null,
      ksStatistic: null,
      ksPValue: null,
      severity: "significant",
    });
  });
});

describe("categorical drift on hand-computed data", () => {
  test("a new category is its own bin, reported as new", () => {
    // Reference G 50, P 20, M 15, B 15 of 100; current scales them by 0.8 and adds YOLO at 20%.
    // PSI: known categories Σ (0.8s − s)·ln 0.8 = 0.2·0.2231436 = 0.0446287; YOLO (0.2 − 1e-4)·ln(2000)
    // = 0.1999·7.6009025 = 1.5194204; total 1.5640491.
    // JS: M = (0.45, 0.18, 0.135, 0.135, 0.1). KL(R‖M) = log2(1/0.9) = 0.1520031;
    // KL(C‖M) = 0.8·log2(0.8/0.9) + 0.2·log2 2 = −0.1359400 + 0.2 = 0.0640600. √(½·0.2160631) = 0.3286815.
    const repeat = (value: string, times: number) => new Array<string>(times).fill(value);
    const reference = computeReferenceStats([categorical("edu", [...repeat("G", 50), ...repeat("P", 20), ...repeat("M", 15), ...repeat("B", 15)])]);
    const current = [...repeat("G", 40), ...repeat("YOLO", 20), ...repeat("P", 16), ...repeat("M", 12), ...repeat("B", 12)];
    const drift = compareToReference(reference, [categorical("edu", current)]).features[0];
    expect(drift.psi).toBeCloseTo(1.5640491, 6);
    expect(drift.jsDistance).toBeCloseTo(0.3286815, 6);
    expect(drift).toMatchObject({ newCategories: ["YOLO"], severity: "significant", drifted: true });
  });

  test("treats missing as a category of its own", () => {
    // Reference a, b half each; current a, null. PSI = (0.5 − 1e-4)·ln(0.5/1e-4) twice (b vanishes,
    // null appears) = 2·0.4999·8.5171932 = 8.5154898.
    const reference = computeReferenceStats([categorical("c", ["a", "b"])]);
    const drift = compareToReference(reference, [categorical("c", ["a", null])]).features[0];
    expect(drift.psi).toBeCloseTo(8.5154898, 6);
    expect(drift.newCategories).toEqual([]);
  });
});

describe("drift of a customer table", () => {
  const reference = computeReferenceStats(customers(1));

  test("a fresh sample of the same distribution shows no drift", () => {
    const report = compareToReference(reference, customers(2));
    for (const drift of report.features) {
      expect(drift, drift.name).toMatchObject({ severity: "none", drifted: false });
      expect(drift.psi, drift.name).toBeLessThan(0.02);
    }
    expect(report).toMatchObject({ driftedShare: 0, datasetDrift: false, threshold: 0.5 });
  });

  test("income × 1.3 is significant drift of income alone", () => {
    const current = customers(2).map((column) =>
      column.name === "income"
        ? numeric(
            "income",
            (column.values as Float64Array).map((v) => v * 1.3),
          )
        : column,
    );
    const report = compareToReference(reference, current);
    expect(feature(report, "income")).toMatchObject({ severity: "significant", drifted: true });
    expect(feature(report, "income").ksPValue).toBeLessThan(1e-6);
    expect(report.features.filter((f) => f.drifted).map((f) => f.name)).toEqual(["income"]);
    // One of five features: below Evidently's 0.5, at a threshold of 0.2.
    expect(report).toMatchObject({ driftedShare: 0.2, datasetDrift: false });
    expect(compareToReference(reference, current, { driftShareThreshold: 0.2 }).datasetDrift).toBe(true);
  });

  test("YOLO replacing a fifth of the education values is flagged as a new category", () => {
    const rng = createRng(5);
    const current = customers(2).map((column) =>
      column.name === "education"
        ? categorical(
            "education",
            (column.values as string[]).map((v) => (rng.next() < 0.2 ? "YOLO" : v)),
          )
        : column,
    );
    const drift = feature(compareToReference(reference, current), "education");
    expect(drift).toMatchObject({ newCategories: ["YOLO"], severity: "significant", drifted: true });
    expect(drift.jsDistance).toBeGreaterThan(0.1);
  });

  test("a stored reference gives the same report after a JSON round trip", () => {
    const stored = JSON.parse(JSON.stringify(reference));
    expect(compareToReference(stored, customers(3))).toEqual(compareToReference(reference, customers(3)));
  });
});

describe("comparison checks", () => {
  const reference = computeReferenceStats([numeric("x", [1, 2]), categorical("c", ["a", "b"])]);

  test.each([
    ["a missing column", [numeric("x", [1, 2])], /no current column "c"/],
    ["a column whose kind changed", [numeric("x", [1, 2]), numeric("c", [1, 2])], /"c" is numeric now but categorical in the reference/],
  ])("rejects %s", (_, columns, message) => {
    expect(() => compareToReference(reference, columns)).toThrow(message);
  });

  test("rejects thresholds that are not positive or out of order", () => {
    const columns = [numeric("x", [1, 2]), categorical("c", ["a", "b"])];
    expect(() => compareToReference(reference, columns, { jsThreshold: 0 })).toThrow(/jsThreshold = 0/);
    expect(() => compareToReference(reference, columns, { psiModerate: 0.3 })).toThrow(/psiModerate 0.3 exceeds/);
  });
});
