-- CreateEnum
CREATE TYPE "RunTrigger" AS ENUM ('CRON', 'MANUAL', 'CLI');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED');

-- CreateTable
CREATE TABLE "ModelRun" (
    "id" SERIAL NOT NULL,
    "trigger" "RunTrigger" NOT NULL,
    "requestedById" TEXT,
    "status" "RunStatus" NOT NULL DEFAULT 'QUEUED',
    "stage" TEXT,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
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

    CONSTRAINT "ModelRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelArtifact" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "ModelArtifact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SegmentProfile" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "segmentKey" INTEGER NOT NULL,
    "label" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "share" DOUBLE PRECISION NOT NULL,
    "isNew" BOOLEAN NOT NULL,
    "profile" JSONB NOT NULL,
    "centroid" JSONB NOT NULL,

    CONSTRAINT "SegmentProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerScore" (
    "runId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "segmentKey" INTEGER NOT NULL,
    "segmentProbabilities" TEXT,
    "responseProbability" DOUBLE PRECISION,
    "clv" DOUBLE PRECISION,
    "clvLow" DOUBLE PRECISION,
    "clvHigh" DOUBLE PRECISION,
    "pAlive" DOUBLE PRECISION,
    "expectedPurchases" DOUBLE PRECISION,
    "historicalClv" DOUBLE PRECISION,
    "pcaX" DOUBLE PRECISION NOT NULL,
    "pcaY" DOUBLE PRECISION NOT NULL,
    "pcaZ" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "CustomerScore_pkey" PRIMARY KEY ("runId","customerId")
);

-- CreateTable
CREATE TABLE "RunActivation" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "activatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedById" TEXT,
    "reason" TEXT NOT NULL,

    CONSTRAINT "RunActivation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetrainLease" (
    "name" TEXT NOT NULL,
    "runId" INTEGER NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetrainLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
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

-- AddForeignKey
ALTER TABLE "ModelRun" ADD CONSTRAINT "ModelRun_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelArtifact" ADD CONSTRAINT "ModelArtifact_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ModelRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SegmentProfile" ADD CONSTRAINT "SegmentProfile_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ModelRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerScore" ADD CONSTRAINT "CustomerScore_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ModelRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerScore" ADD CONSTRAINT "CustomerScore_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunActivation" ADD CONSTRAINT "RunActivation_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ModelRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

