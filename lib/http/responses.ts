export function jsonError(status: number, message: string, details?: unknown): Response {
  return Response.json({ error: message, ...(details === undefined ? {} : { details }) }, { status });
}

export function withHeader(response: Response, name: string, value: string): Response {
  response.headers.set(name, value);
  return response;
}

/** 503 with Retry-After: the database is unreachable or there is nothing to answer with yet. */
export function unavailable(message: string): Response {
  return withHeader(jsonError(503, message), "Retry-After", "5");
}

/** 405 with a JSON body and an Allow header: Next.js's own 405 has an empty body, which a client cannot act on. */
export function methodNotAllowed(method: string, allowed: readonly string[]): Response {
  const response = Response.json({ error: `${method} is not supported here; use ${allowed.join(" or ")}.`, allowed }, { status: 405 });
  return withHeader(response, "Allow", allowed.join(", "));
}
