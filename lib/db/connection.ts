import "server-only";
import { db } from "./internal/client";

/** Closes the Prisma client's connections, so a command-line process can exit. */
export async function disconnectDatabase(): Promise<void> {
  await db.$disconnect();
}

export { isDatabaseUnavailable } from "./internal/unavailable";
