-- CreateIndex
CREATE INDEX "CustomerScore_runId_responseProbability_customerId_idx" ON "CustomerScore"("runId", "responseProbability", "customerId");

-- CreateIndex
CREATE INDEX "CustomerScore_runId_clv_customerId_idx" ON "CustomerScore"("runId", "clv", "customerId");

-- CreateIndex
CREATE INDEX "CustomerScore_runId_pAlive_customerId_idx" ON "CustomerScore"("runId", "pAlive", "customerId");

