import { describe, expect, test } from "vitest";
import { reportCustomerFile, describeReport, reportOrderFile, parseCustomers, parseOrders } from "@/lib/import";

describe("the import report", () => {
  test("a partial profile file names the columns it has, lacks and adds, and what changed", async () => {
    const file = await parseCustomers(Buffer.from("ID;Income;Tier\n1;100;Gold\n"));
    const report = {
      ...reportCustomerFile(file),
      changes: {
        customersUpdated: 2,
        columns: [
          { column: "Income", customers: 2 },
          { column: "Tier", customers: 1 },
        ],
      },
    };
    expect(report.absent).toHaveLength(27);
    expect(describeReport(report)).toEqual([
      "Profile columns in the file: ID, Income (2 of 29)",
      "Not in the file, so left as they were: Year_Birth, Education, Marital_Status, Kidhome, Teenhome, Dt_Customer, Recency, MntWines, MntFruits, MntMeatProducts, MntFishProducts, MntSweetProducts and 15 more",
      "Custom attributes: Tier",
      "2 customers updated: Income (2), Tier (1); 27 attributes left as they were",
    ]);
  });

  test("a refused file's report says nothing about changes it never made", async () => {
    const report = reportCustomerFile(await parseCustomers(Buffer.from("ID\n1\n")));
    expect(describeReport(report)).toEqual(["Profile columns in the file: ID (1 of 29)", expect.stringMatching(/^Not in the file/)]);
  });

  test("an order file counts its kinds with thousands separators and gives its date range", async () => {
    const lines = Array.from({ length: 1234 }, (_, i) => `${i % 7},2014-01-${String((i % 28) + 1).padStart(2, "0")},${i % 10 === 0 ? -5 : 5}`);
    const report = reportOrderFile(await parseOrders(Buffer.from(["customer_id,order_date,amount", ...lines].join("\n"))));
    expect(describeReport(report)).toEqual([
      "Columns in the file: customer_id (customerId), order_date (orderDate), amount (amount)",
      "Not in the file: orderId, quantity, unitPrice, category, channel, status",
      "Lines: 1,110 sales, 124 returns, 0 cancelled lines",
      "Dates: 2014-01-01 to 2014-01-28 (order_date, YYYY-MM-DD)",
    ]);
  });
});
