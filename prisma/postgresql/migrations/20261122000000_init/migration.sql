-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'EXECUTIVE', 'ANALYST', 'ADMIN');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('CUSTOMERS', 'ORDERS');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('SUCCEEDED', 'REJECTED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT NOT NULL,
    "yearBirth" INTEGER,
    "education" TEXT,
    "maritalStatus" TEXT,
    "income" DOUBLE PRECISION,
    "kidhome" INTEGER,
    "teenhome" INTEGER,
    "dtCustomer" TIMESTAMP(3),
    "recency" INTEGER,
    "mntWines" DOUBLE PRECISION,
    "mntFruits" DOUBLE PRECISION,
    "mntMeatProducts" DOUBLE PRECISION,
    "mntFishProducts" DOUBLE PRECISION,
    "mntSweetProducts" DOUBLE PRECISION,
    "mntGoldProds" DOUBLE PRECISION,
    "numDealsPurchases" INTEGER,
    "numWebPurchases" INTEGER,
    "numCatalogPurchases" INTEGER,
    "numStorePurchases" INTEGER,
    "numWebVisitsMonth" INTEGER,
    "acceptedCmp1" INTEGER,
    "acceptedCmp2" INTEGER,
    "acceptedCmp3" INTEGER,
    "acceptedCmp4" INTEGER,
    "acceptedCmp5" INTEGER,
    "complain" INTEGER,
    "zCostContact" DOUBLE PRECISION,
    "zRevenue" DOUBLE PRECISION,
    "response" INTEGER,
    "contentHash" TEXT NOT NULL,
    "importBatchId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" SERIAL NOT NULL,
    "lineKey" TEXT NOT NULL,
    "customerId" INTEGER NOT NULL,
    "orderId" TEXT,
    "orderDate" TIMESTAMP(3) NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "quantity" INTEGER,
    "category" TEXT,
    "channel" TEXT,
    "importBatchId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" SERIAL NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "status" "ImportStatus" NOT NULL,
    "fileName" TEXT NOT NULL,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rowsRead" INTEGER NOT NULL,
    "rowsInserted" INTEGER NOT NULL,
    "rowsUpdated" INTEGER NOT NULL,
    "rowsUnchanged" INTEGER NOT NULL,
    "rowsRejected" INTEGER NOT NULL,
    "quality" JSONB NOT NULL,
    "rejectedRows" JSONB NOT NULL,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "userId" TEXT,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_externalId_key" ON "Customer"("externalId");

-- CreateIndex
CREATE INDEX "Customer_importBatchId_idx" ON "Customer"("importBatchId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_lineKey_key" ON "Order"("lineKey");

-- CreateIndex
CREATE INDEX "Order_customerId_orderDate_idx" ON "Order"("customerId", "orderDate");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

