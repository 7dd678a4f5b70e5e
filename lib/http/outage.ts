/**
 * The database-outage branch both route wrappers share: an error that means "the database is
 * not there right now" answers 503 with Retry-After instead of a bare 500; anything else is a
 * bug and goes on up.
 */
import "server-only";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { unavailable } from "./responses";

export const OUTAGE_MESSAGE = "The database cannot be reached; try again shortly.";

export async function answeringOutage(handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return unavailable(OUTAGE_MESSAGE);
    throw error;
  }
}
