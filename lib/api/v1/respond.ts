/** Answers shared by the v1 routes: validation errors with field paths, and "no model yet". */
import type { z } from "zod";
import { boundedIssues } from "@/lib/http/issues";
import { jsonError, unavailable } from "@/lib/http/responses";

/** 400 with the first issues in the message and up to MAX_ISSUES in `details`, each with its field path. */
export function invalid(error: z.ZodError, where: string): Response {
  const { details } = boundedIssues(error);
  const shown = details.slice(0, 5).map((detail) => `${detail.path}: ${detail.message}`);
  const more = error.issues.length - shown.length;
  return jsonError(400, `The ${where} is not valid: ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`, details);
}

export function noActiveRun(): Response {
  return unavailable("No model is active yet: an analyst trains one on the admin page.");
}
