-- AlterTable
ALTER TABLE "CustomerScore" ADD COLUMN "clvNote" TEXT;
ALTER TABLE "CustomerScore" ADD COLUMN "clvSource" TEXT;
ALTER TABLE "CustomerScore" ADD COLUMN "responseNote" TEXT;

