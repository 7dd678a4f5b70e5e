-- CreateTable
CREATE TABLE "ApiRateBucket" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "tokens" REAL NOT NULL,
    "at" BIGINT NOT NULL,
    "granted" INTEGER NOT NULL
);

