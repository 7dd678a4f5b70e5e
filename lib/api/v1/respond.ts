/** Answers shared by the v1 routes: validation errors with field paths, and "no model yet". */
import type { z } from "zod";
import { jsonError } from "@/lib/http/responses";
import { unavailable } from "@/lib/http/withApiToken";

export function invalid(error: z.ZodError, where: string): Response {
  const details = error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(root)", message: issue.message }));
  return jsonError(400, `The ${where} is not valid: ${details.map((detail) => `${detail.path}: ${detail.message}`).slice(0, 5).join("; ")}`, details);
}

export function noActiveRun(): Response {
  return unavailable("No model is active yet: an analyst trains one on the admin page.");
}
