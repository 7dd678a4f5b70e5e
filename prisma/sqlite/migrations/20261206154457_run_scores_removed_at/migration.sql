-- AlterTable
ALTER TABLE "ModelRun" ADD COLUMN "scoresRemovedAt" DATETIME;

