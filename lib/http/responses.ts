/**
 * The one module for error answers. Every route handler and wrapper answers an error as
 * `{ error, details: [{ path, message }] }`: `error` a sentence a person can act on, `details`
 * where the request was wrong (`body.customers.1.income`, `query.limit`; empty when nothing in
 * the request is to blame). Statuses come from one table keyed by error code, so a typed code
 * (an ImportError's, say) reaches its status without being guessed back from the text.
 */
import type { ImportErrorCode } from "@/lib/import/errors";

export interface ErrorDetail {
  path: string;
  message: string;
}

export type ErrorCode =
  | ImportErrorCode
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "busy"
  | "unsupported_media_type"
  | "rate_limited"
  | "rejected_rows"
  | "unavailable";

export const ERROR_STATUS = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  busy: 409,
  too_large: 413,
  // A header wider than the column limit is refused by a size limit, like a file too large.
  too_many_columns: 413,
  unsupported_media_type: 415,
  // The request was well formed; the file in it is refused.
  empty_file: 422,
  binary: 422,
  unsupported_encoding: 422,
  malformed_csv: 422,
  missing_column: 422,
  bad_header: 422,
  wrong_kind: 422,
  bad_option: 422,
  ambiguous_dates: 422,
  rejected_rows: 422,
  rate_limited: 429,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

/**
 * The error answer itself. `fields` are kept alongside for answers that say more than the
 * error (a refused import's summary, the run holding the retrain lease); they cannot replace
 * `error` or `details`.
 */
export function errorResponse(status: number, error: string, details: ErrorDetail[] = [], fields: object = {}): Response {
  return Response.json({ ...fields, error, details }, { status });
}

/** The error answer with the status the table gives its code. */
export function refuse(code: ErrorCode, error: string, details: ErrorDetail[] = [], fields: object = {}): Response {
  return errorResponse(ERROR_STATUS[code], error, details, fields);
}

export function withHeader(response: Response, name: string, value: string): Response {
  response.headers.set(name, value);
  return response;
}

/** 503 with Retry-After: the database is unreachable or there is nothing to answer with yet. */
export function unavailable(message: string): Response {
  return withHeader(refuse("unavailable", message), "Retry-After", "5");
}

/** 405 with a JSON body and an Allow header: Next.js's own 405 has an empty body, which a client cannot act on. */
export function methodNotAllowed(method: string, allowed: readonly string[]): Response {
  return withHeader(refuse("method_not_allowed", `${method} is not supported here; use ${allowed.join(" or ")}.`), "Allow", allowed.join(", "));
}
