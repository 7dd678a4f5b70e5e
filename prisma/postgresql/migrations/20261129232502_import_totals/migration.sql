-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "customersAfter" INTEGER,
ADD COLUMN     "ordersAfter" INTEGER,
ADD COLUMN     "profiledAfter" INTEGER;


-- Backfill: the latest successful import gets today's totals, so the overview has figures at once.
UPDATE "ImportBatch" SET
  "customersAfter" = (SELECT COUNT(*) FROM "Customer"),
  "profiledAfter" = (SELECT COUNT(*) FROM "Customer" WHERE "dtCustomer" IS NOT NULL),
  "ordersAfter" = (SELECT COUNT(*) FROM "Order")
WHERE "id" = (SELECT MAX("id") FROM "ImportBatch" WHERE "status" = 'SUCCEEDED');
