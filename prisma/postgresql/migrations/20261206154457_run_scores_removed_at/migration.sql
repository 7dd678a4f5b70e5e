-- AlterTable
ALTER TABLE "ModelRun" ADD COLUMN     "scoresRemovedAt" TIMESTAMP(3);

