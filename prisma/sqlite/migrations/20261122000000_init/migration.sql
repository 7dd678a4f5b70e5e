-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'VIEWER',
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "externalId" TEXT NOT NULL,
    "yearBirth" INTEGER,
    "education" TEXT,
    "maritalStatus" TEXT,
    "income" REAL,
    "kidhome" INTEGER,
    "teenhome" INTEGER,
    "dtCustomer" DATETIME,
    "recency" INTEGER,
    "mntWines" REAL,
    "mntFruits" REAL,
    "mntMeatProducts" REAL,
    "mntFishProducts" REAL,
    "mntSweetProducts" REAL,
    "mntGoldProds" REAL,
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
    "zCostContact" REAL,
    "zRevenue" REAL,
    "response" INTEGER,
    "contentHash" TEXT NOT NULL,
    "importBatchId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Customer_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Order" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "lineKey" TEXT NOT NULL,
    "customerId" INTEGER NOT NULL,
    "orderId" TEXT,
    "orderDate" DATETIME NOT NULL,
    "amount" REAL NOT NULL,
    "quantity" INTEGER,
    "category" TEXT,
    "channel" TEXT,
    "importBatchId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "userId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rowsRead" INTEGER NOT NULL,
    "rowsInserted" INTEGER NOT NULL,
    "rowsUpdated" INTEGER NOT NULL,
    "rowsUnchanged" INTEGER NOT NULL,
    "rowsRejected" INTEGER NOT NULL,
    "quality" JSONB NOT NULL,
    "rejectedRows" JSONB NOT NULL,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,
    CONSTRAINT "ImportBatch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "lockedUntil" DATETIME
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

