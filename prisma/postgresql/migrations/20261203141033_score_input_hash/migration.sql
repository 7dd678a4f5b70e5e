-- AlterTable
ALTER TABLE "CustomerScore" ADD COLUMN     "inputHash" TEXT;

