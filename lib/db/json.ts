import type { Prisma } from "./internal/client";

/** A JSON value a column of ours stores: what the layers above hand lib/db to write. */
export type StoredJson = Prisma.InputJsonValue;
