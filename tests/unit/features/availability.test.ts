import { expect, test } from "vitest";
import { createEmptyCustomer } from "@/lib/data/customer";
import { listAvailableModels } from "@/lib/ml/features";
import { makeCustomer } from "@/tests/support/makeCustomer";

const customers = (n: number, responders: number, response: 0 | 1 | null = 0) =>
  Array.from({ length: n }, (_, i) => makeCustomer(i, { response: response === null ? null : i < responders ? 1 : 0 }));

test("a full profile file with enough responders allows segmentation and response, but not CLV", () => {
  const report = listAvailableModels(customers(250, 60));
  expect(report.available.map((a) => a.model)).toEqual(["segmentation", "response"]);
  expect(report.skipped).toEqual([{ model: "clv", reason: "no order history" }]);
});

test.each([
  [customers(250, 0, null), "no Response column"],
  [customers(250, 40), "fewer than 50 responders (40)"],
  [customers(150, 60), "fewer than 200 customers with a Response (150)"],
  [customers(250, 220), "fewer than 50 non-responders (30)"],
])("response is skipped: %#", (records, reason) => {
  expect(listAvailableModels(records).skipped).toContainEqual({ model: "response", reason });
});

test("customers known only from order lines allow RFM segmentation and CLV", () => {
  const records = Array.from({ length: 220 }, (_, i) => createEmptyCustomer(`o${i}`));
  const summaries = new Map(records.map((r) => [r.externalId, { frequency: 2, recencyDays: 10, monetary: 50, tenureDays: 100 }]));
  const report = listAvailableModels(records, { summaries });
  expect(report.available).toEqual([
    { model: "segmentation", rows: 220, features: "rfm" },
    { model: "clv", rows: 220, features: "rfm" },
  ]);
  expect(report.skipped).toEqual([{ model: "response", reason: "no Response column" }]);
});

test("too few customers for segmentation says how many there are", () => {
  expect(listAvailableModels(customers(120, 60)).skipped).toContainEqual({
    model: "segmentation",
    reason: "fewer than 200 customers with spend, purchase or order data (120)",
  });
});
