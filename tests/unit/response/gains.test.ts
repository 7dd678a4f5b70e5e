import { expect, test } from "vitest";
import { buildGainsTable, findProfitThreshold } from "@/lib/ml/response/gains";

// Ten customers scored 10 (best) down to 1; responders at ranks 1, 2, 4 and 8.
const scores = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
const labels = [1, 1, 0, 1, 0, 0, 0, 1, 0, 0];

test("gains and lift by decile", () => {
  const gains = buildGainsTable(labels, scores);
  // Responders found after 1..10 rows: 1, 2, 2, 3, 3, 3, 3, 4, 4, 4 of 4.
  expect(gains.map((g) => g.responders)).toEqual([1, 2, 2, 3, 3, 3, 3, 4, 4, 4]);
  expect(gains.map((g) => g.cumulativeGain)).toEqual([0.25, 0.5, 0.5, 0.75, 0.75, 0.75, 0.75, 1, 1, 1]);
  // Lift = gain / share contacted: 0.25/0.1 = 2.5, 0.5/0.2 = 2.5, 0.5/0.3 = 1.667, 0.75/0.4 = 1.875, …, 1/1 = 1.
  const expectedLift = [2.5, 2.5, 5 / 3, 1.875, 1.5, 1.25, 0.75 / 0.7, 1.25, 1 / 0.9, 1];
  gains.forEach((g, i) => expect(g.lift).toBeCloseTo(expectedLift[i], 12));
  expect(gains[0].decileResponseRate).toBe(1);
  expect(gains[2].decileResponseRate).toBe(0);
});

test("profit threshold contacts the top 4 at cost 3 and revenue 11", () => {
  // Profit after k contacts = 11·responders − 3·k:
  // k=1: 8, 2: 16, 3: 13, 4: 21, 5: 18, 6: 15, 7: 12, 8: 20, 9: 17, 10: 14 → best k = 4 (score 7).
  const best = findProfitThreshold(labels, scores);
  expect(best).toEqual({
    costPerContact: 3,
    revenuePerResponse: 11,
    threshold: 7,
    contacted: 4,
    responders: 3,
    profit: 21,
    contactAll: { contacted: 10, responders: 4, profit: 14 },
  });
});

test.each([
  // Tied 0.8s are contacted together: k=1: 11−3 = 8, k=3: 22−9 = 13, k=4: 22−12 = 10.
  [3, 11, 0.8, 3, 13],
  // k=1: 7−6 = 1, k=3: 14−18 = −4, k=4: 14−24 = −10.
  [6, 7, 0.9, 1, 1],
  // Every cut loses money: contact nobody.
  [10, 5, null, 0, 0],
])("with cost %d and revenue %d the threshold is %s", (costPerContact, revenuePerResponse, threshold, contacted, profit) => {
  const best = findProfitThreshold([1, 0, 1, 0], [0.9, 0.8, 0.8, 0.1], { costPerContact, revenuePerResponse });
  expect([best.threshold, best.contacted, best.profit]).toEqual([threshold, contacted, profit]);
});
