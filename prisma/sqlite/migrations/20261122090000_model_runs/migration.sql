-- CreateTable
CREATE TABLE "ModelRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "trigger" TEXT NOT NULL,
    "requestedById" TEXT,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "stage" TEXT,
    "progress" REAL NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "seed" INTEGER NOT NULL,
    "config" JSONB NOT NULL,
    "snapshotCount" INTEGER,
    "snapshotHash" TEXT,
    "timings" JSONB,
    "metrics" JSONB,
    "drift" JSONB,
    "stability" JSONB,
    "decision" JSONB,
    "error" TEXT,
    "reference" JSONB,
    "summary" JSONB,
    CONSTRAINT "ModelRun_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ModelArtifact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    CONSTRAINT "ModelArtifact_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ModelRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SegmentProfile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "segmentKey" INTEGER NOT NULL,
    "label" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "share" REAL NOT NULL,
    "isNew" BOOLEAN NOT NULL,
    "profile" JSONB NOT NULL,
    "centroid" JSONB NOT NULL,
    CONSTRAINT "SegmentProfile_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ModelRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomerScore" (
    "runId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "segmentKey" INTEGER NOT NULL,
    "segmentProbabilities" TEXT,
    "responseProbability" REAL,
    "clv" REAL,
    "clvLow" REAL,
    "clvHigh" REAL,
    "pAlive" REAL,
    "expectedPurchases" REAL,
    "historicalClv" REAL,
    "pcaX" REAL NOT NULL,
    "pcaY" REAL NOT NULL,
    "pcaZ" REAL NOT NULL,

    PRIMARY KEY ("runId", "customerId"),
    CONSTRAINT "CustomerScore_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ModelRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CustomerScore_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RunActivation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "activatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedById" TEXT,
    "reason" TEXT NOT NULL,
    CONSTRAINT "RunActivation_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ModelRun" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RetrainLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "runId" INTEGER NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "heartbeatAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT
);

-- CreateIndex
CREATE INDEX "ModelRun_status_createdAt_idx" ON "ModelRun"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ModelArtifact_runId_name_key" ON "ModelArtifact"("runId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "SegmentProfile_runId_segmentKey_key" ON "SegmentProfile"("runId", "segmentKey");

-- CreateIndex
CREATE UNIQUE INDEX "SegmentProfile_runId_label_key" ON "SegmentProfile"("runId", "label");

-- CreateIndex
CREATE INDEX "CustomerScore_runId_segmentKey_idx" ON "CustomerScore"("runId", "segmentKey");

-- CreateIndex
CREATE INDEX "CustomerScore_customerId_idx" ON "CustomerScore"("customerId");

-- CreateIndex
CREATE INDEX "RunActivation_activatedAt_idx" ON "RunActivation"("activatedAt");

