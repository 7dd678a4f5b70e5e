/** A small hand-made customer file in the real file's format (`;`, DD/MM/YYYY), and its records. */
import type { CustomerRecord } from "@/lib/data/customer";

export const CUSTOMER_HEADER =
  "ID;Year_Birth;Education;Marital_Status;Income;Kidhome;Teenhome;Dt_Customer;Recency;MntWines;MntFruits;MntMeatProducts;MntFishProducts;MntSweetProducts;MntGoldProds;NumDealsPurchases;NumWebPurchases;NumCatalogPurchases;NumStorePurchases;NumWebVisitsMonth;AcceptedCmp3;AcceptedCmp4;AcceptedCmp5;AcceptedCmp1;AcceptedCmp2;Complain;Z_CostContact;Z_Revenue;Response";

export const CUSTOMER_LINES = [
  "1001;1960;PhD;Married;71000;0;1;04/09/2012;12;800;40;300;60;20;30;1;6;5;9;3;0;0;1;0;0;0;3;11;1",
  "1002;1985;Basic;Single;;1;0;21/08/2013;77;5;1;8;2;0;3;2;2;0;3;8;0;0;0;0;0;0;3;11;0",
  "1003;1972;2n Cycle;Together;45500.5;1;1;13/02/2014;40;120;5;60;10;4;15;4;5;1;4;7;1;0;0;0;0;1;3;11;0",
];

/** The index of Dt_Customer among the columns. */
export const DATE_COLUMN = 7;

export const CUSTOMER_FIXTURE = [CUSTOMER_HEADER, ...CUSTOMER_LINES].join("\n");

const base = { zCostContact: 3, zRevenue: 11, acceptedCmp2: 0, acceptedCmp4: 0 };

export const FIXTURE_RECORDS: CustomerRecord[] = [
  {
    ...base,
    externalId: "1001",
    yearBirth: 1960,
    education: "PhD",
    maritalStatus: "Married",
    income: 71000,
    kidhome: 0,
    teenhome: 1,
    dtCustomer: new Date("2012-09-04T00:00:00Z"),
    recency: 12,
    mntWines: 800,
    mntFruits: 40,
    mntMeatProducts: 300,
    mntFishProducts: 60,
    mntSweetProducts: 20,
    mntGoldProds: 30,
    numDealsPurchases: 1,
    numWebPurchases: 6,
    numCatalogPurchases: 5,
    numStorePurchases: 9,
    numWebVisitsMonth: 3,
    acceptedCmp3: 0,
    acceptedCmp5: 1,
    acceptedCmp1: 0,
    complain: 0,
    response: 1,
  },
  {
    ...base,
    externalId: "1002",
    yearBirth: 1985,
    education: "Basic",
    maritalStatus: "Single",
    income: null,
    kidhome: 1,
    teenhome: 0,
    dtCustomer: new Date("2013-08-21T00:00:00Z"),
    recency: 77,
    mntWines: 5,
    mntFruits: 1,
    mntMeatProducts: 8,
    mntFishProducts: 2,
    mntSweetProducts: 0,
    mntGoldProds: 3,
    numDealsPurchases: 2,
    numWebPurchases: 2,
    numCatalogPurchases: 0,
    numStorePurchases: 3,
    numWebVisitsMonth: 8,
    acceptedCmp3: 0,
    acceptedCmp5: 0,
    acceptedCmp1: 0,
    complain: 0,
    response: 0,
  },
  {
    ...base,
    externalId: "1003",
    yearBirth: 1972,
    education: "2n Cycle",
    maritalStatus: "Together",
    income: 45500.5,
    kidhome: 1,
    teenhome: 1,
    dtCustomer: new Date("2014-02-13T00:00:00Z"),
    recency: 40,
    mntWines: 120,
    mntFruits: 5,
    mntMeatProducts: 60,
    mntFishProducts: 10,
    mntSweetProducts: 4,
    mntGoldProds: 15,
    numDealsPurchases: 4,
    numWebPurchases: 5,
    numCatalogPurchases: 1,
    numStorePurchases: 4,
    numWebVisitsMonth: 7,
    acceptedCmp3: 1,
    acceptedCmp5: 0,
    acceptedCmp1: 0,
    complain: 1,
    response: 0,
  },
];

/** The fixture with another separator, date style and line end, as other copies of the file come. */
export function customerVariant(separator: string, formatDate: (ddmmyyyy: string) => string, lineEnd = "\n"): string {
  const lines = [CUSTOMER_HEADER, ...CUSTOMER_LINES].map((line, i) => {
    const cells = line.split(";");
    if (i > 0) cells[DATE_COLUMN] = formatDate(cells[DATE_COLUMN]);
    return cells.join(separator);
  });
  return lines.join(lineEnd);
}

/** Replaces one cell of one data line (0-based line among CUSTOMER_LINES) in the `;` fixture. */
export function withCell(lineIndex: number, column: number, value: string): string {
  const lines = [...CUSTOMER_LINES];
  const cells = lines[lineIndex].split(";");
  cells[column] = value;
  lines[lineIndex] = cells.join(";");
  return [CUSTOMER_HEADER, ...lines].join("\n");
}
