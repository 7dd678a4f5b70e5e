/** The one table from error codes to statuses, and the one error shape every answer has. */
import { describe, expect, test } from "vitest";
import { ERROR_STATUS, methodNotAllowed, refuse, unavailable, type ErrorCode } from "@/lib/http/responses";

describe("ERROR_STATUS", () => {
  test.each<[ErrorCode, number]>([
    ["invalid", 400],
    ["unauthenticated", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["method_not_allowed", 405],
    ["busy", 409],
    ["too_large", 413],
    ["too_many_columns", 413],
    ["unsupported_media_type", 415],
    ["wrong_kind", 422],
    ["malformed_csv", 422],
    ["ambiguous_dates", 422],
    ["rejected_rows", 422],
    ["rate_limited", 429],
    ["unavailable", 503],
  ])("%s answers %i", async (code, status) => {
    const response = refuse(code, "Why, in words.");
    expect(response.status).toBe(status);
    expect(ERROR_STATUS[code]).toBe(status);
    expect(await response.json()).toEqual({ error: "Why, in words.", details: [] });
  });

  test("fields kept with an error cannot replace error or details", async () => {
    const response = refuse("busy", "A retrain is already running (run 4).", [], { runId: 4, error: "other", details: "other" });
    expect(await response.json()).toEqual({ runId: 4, error: "A retrain is already running (run 4).", details: [] });
  });

  test("503 says when to try again; 405 names the methods in Allow and keeps the shape", async () => {
    expect(unavailable("The database cannot be reached.").headers.get("retry-after")).toBe("5");
    const response = methodNotAllowed("GET", ["POST"]);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.json()).toEqual({ error: "GET is not supported here; use POST.", details: [] });
  });
});
