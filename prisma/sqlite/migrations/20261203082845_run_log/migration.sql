-- AlterTable
ALTER TABLE "ModelRun" ADD COLUMN "log" TEXT;

