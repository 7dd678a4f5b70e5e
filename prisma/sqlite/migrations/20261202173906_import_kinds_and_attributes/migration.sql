-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "attributes" JSONB;

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN "report" JSONB;

-- AlterTable (a plain ADD COLUMN: SQLite allows NOT NULL with a default, so the table is not copied)
ALTER TABLE "Order" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'sale';

-- Lines imported before kinds existed: a negative amount or quantity was a return. "C…" order ids are
-- left alone: whether they are credit notes depends on the file they came in (lib/import/lineKinds.ts).
UPDATE "Order" SET "kind" = 'return', "amount" = -abs("amount"), "quantity" = -abs("quantity")
WHERE "amount" < 0 OR "quantity" < 0;
