-- CreateTable
CREATE TABLE "ApiRateBucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "at" BIGINT NOT NULL,
    "granted" INTEGER NOT NULL,

    CONSTRAINT "ApiRateBucket_pkey" PRIMARY KEY ("key")
);

-- Rate counters need no crash safety: unlogged, a request's update writes no WAL.
ALTER TABLE "ApiRateBucket" SET UNLOGGED;
