-- CustomerScore partitioned by run (docs/scaling.md): a run's scores are copied into a table of
-- their own with no index, which is then attached to this one (lib/db/internal/partition.ts), so
-- the indexes are built by sorting and the foreign keys checked in one join instead of per row.
-- Prisma's schema cannot say PARTITION BY; the table, its keys and its indexes are as it declares them.
ALTER TABLE "CustomerScore" RENAME TO "CustomerScore_unpartitioned";
ALTER TABLE "CustomerScore_unpartitioned" DROP CONSTRAINT "CustomerScore_pkey";
ALTER TABLE "CustomerScore_unpartitioned" DROP CONSTRAINT "CustomerScore_runId_fkey";
ALTER TABLE "CustomerScore_unpartitioned" DROP CONSTRAINT "CustomerScore_customerId_fkey";
DROP INDEX "CustomerScore_runId_segmentKey_idx";
DROP INDEX "CustomerScore_customerId_idx";
DROP INDEX "CustomerScore_runId_responseProbability_customerId_idx";
DROP INDEX "CustomerScore_runId_clv_customerId_idx";
DROP INDEX "CustomerScore_runId_pAlive_customerId_idx";

CREATE TABLE "CustomerScore" (LIKE "CustomerScore_unpartitioned" INCLUDING DEFAULTS) PARTITION BY LIST ("runId");
ALTER TABLE "CustomerScore" ADD CONSTRAINT "CustomerScore_pkey" PRIMARY KEY ("runId","customerId");
CREATE INDEX "CustomerScore_runId_segmentKey_idx" ON "CustomerScore"("runId", "segmentKey");
CREATE INDEX "CustomerScore_customerId_idx" ON "CustomerScore"("customerId");
CREATE INDEX "CustomerScore_runId_responseProbability_customerId_idx" ON "CustomerScore"("runId", "responseProbability", "customerId");
CREATE INDEX "CustomerScore_runId_clv_customerId_idx" ON "CustomerScore"("runId", "clv", "customerId");
CREATE INDEX "CustomerScore_runId_pAlive_customerId_idx" ON "CustomerScore"("runId", "pAlive", "customerId");
ALTER TABLE "CustomerScore" ADD CONSTRAINT "CustomerScore_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ModelRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CustomerScore" ADD CONSTRAINT "CustomerScore_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each stored run's scores into its partition, the way a run writes them.
DO $$
DECLARE
  run integer;
BEGIN
  FOR run IN SELECT DISTINCT "runId" FROM "CustomerScore_unpartitioned" ORDER BY 1 LOOP
    EXECUTE format('CREATE TABLE %I (LIKE "CustomerScore" INCLUDING DEFAULTS INCLUDING CONSTRAINTS, CHECK ("runId" = %s))', 'CustomerScore_' || run, run);
    EXECUTE format('INSERT INTO %I SELECT * FROM "CustomerScore_unpartitioned" WHERE "runId" = %s', 'CustomerScore_' || run, run);
    EXECUTE format('ALTER TABLE "CustomerScore" ATTACH PARTITION %I FOR VALUES IN (%s)', 'CustomerScore_' || run, run);
  END LOOP;
END $$;

DROP TABLE "CustomerScore_unpartitioned";
