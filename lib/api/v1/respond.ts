/** The answer the v1 routes share when there is no model to answer with. */
import { unavailable } from "@/lib/http/responses";

export function noActiveRun(): Response {
  return unavailable("No model is active yet: an analyst trains one on the admin page.");
}
