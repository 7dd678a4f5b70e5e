-- AlterTable
ALTER TABLE "CustomerScore" ADD COLUMN     "clvNote" TEXT,
ADD COLUMN     "clvSource" TEXT,
ADD COLUMN     "responseNote" TEXT;

