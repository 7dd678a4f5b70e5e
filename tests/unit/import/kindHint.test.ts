import { describe, expect, test } from "vitest";
import { ImportError, parseCustomers, parseOrders } from "@/lib/import";
import { looksLikeOrderLines, looksLikeProfiles } from "@/lib/import/kindHint";

const ORDERS = "customer_id,order_id,order_date,amount\nC1,O1,2024-01-05,19.90\nC2,O2,2024-02-05,5.00\n";
const SALES = "ORDERNUMBER,QUANTITYORDERED,PRICEEACH,ORDERDATE,CUSTOMERNAME\n10107,30,95.70,2/24/2003 0:00,Land of Toys Inc.\n";
const PROFILES = "ID;Year_Birth;Education;Income;Dt_Customer;Recency\n1;1970;PhD;72000;2013-02-13;20\n";

describe("which kind a header looks like", () => {
  test.each([
    ["order lines with an id, a date and an amount", ["customer_id", "order_id", "order_date", "amount"], true, false],
    ["the Kaggle sample sales layout", ["ORDERNUMBER", "QUANTITYORDERED", "PRICEEACH", "ORDERDATE", "CUSTOMERNAME"], true, false],
    ["the marketing-campaign profiles", ["ID", "Year_Birth", "Education", "Income", "Dt_Customer", "Recency"], false, true],
    ["profiles with a custom purchase_date column", ["ID", "Year_Birth", "Income", "purchase_date", "amount"], false, false],
    ["an id and a date alone", ["customer_id", "order_date"], false, false],
    ["an id and two profile columns", ["ID", "Income", "Recency"], false, false],
  ])("%s", (_, header, orderLines, profiles) => {
    expect(looksLikeOrderLines(header)).toBe(orderLines);
    expect(looksLikeProfiles(header)).toBe(profiles);
  });
});

describe("a file imported as the wrong kind", () => {
  test("an order file imported as customer profiles is refused, suggesting Order lines", async () => {
    const error = await parseCustomers(Buffer.from(ORDERS)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe("wrong_kind");
    expect((error as ImportError).message).toBe(
      'This looks like an order-lines file (columns "order_id", "order_date", "amount", and no profile columns): choose "Order lines" (CLI: --kind orders)',
    );
  });

  test("the sample sales layout imported as customer profiles suggests Order lines too", async () => {
    await expect(parseCustomers(Buffer.from(SALES))).rejects.toThrow(/^This looks like an order-lines file .*choose "Order lines"/);
  });

  test("a profiles file imported as order lines is refused, suggesting Customer profiles", async () => {
    await expect(parseOrders(Buffer.from(PROFILES))).rejects.toThrow(
      'This looks like a customer-profiles file (columns "Year_Birth", "Education", "Income", "Dt_Customer", … (5 profile columns), and no order date): choose "Customer profiles" (CLI: --kind customers)',
    );
  });

  test("with an explicit column map the caller has chosen: no guess is made", async () => {
    const result = await parseCustomers(Buffer.from(ORDERS), { map: { externalId: "customer_id" } });
    expect(result.records.map((record) => record.externalId)).toEqual(["C1", "C2"]);
  });

  test("each kind still reads its own file", async () => {
    expect((await parseOrders(Buffer.from(ORDERS))).records).toHaveLength(2);
    expect((await parseCustomers(Buffer.from(PROFILES))).records).toHaveLength(1);
  });
});
