-- AlterTable
ALTER TABLE "RunActivation" ADD COLUMN     "note" TEXT;

