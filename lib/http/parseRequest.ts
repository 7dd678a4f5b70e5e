/**
 * The one request boundary of the route handlers: the path's params, the query and a JSON
 * body, each checked against its zod schema. The handler gets the parsed values, or the
 * answer to send instead: 400 (413 for a body over its limit) in the one error shape, with
 * each issue's place in `details` (`params.id`, `query.limit`, `body.customers.1.income`).
 * Parts are checked in that order and the first bad one answers, so a request with a bad id
 * never has its body read.
 */
import { z } from "zod";
import { boundedIssues, type IssueDetail } from "./issues";
import { BodyError, readJsonBody } from "./jsonBody";
import { refuse } from "./responses";

export type RequestPart = "params" | "query" | "body";

const DEFAULT_LEADS: Record<RequestPart, string> = {
  params: "The address is not valid",
  query: "The query is not valid",
  body: "The request body is not valid",
};

/** Issues named in the error itself; `details` lists up to MAX_ISSUES. */
const ISSUES_IN_MESSAGE = 5;

export interface RequestSchemas<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  params?: P;
  query?: Q;
  /** A JSON body, read up to maxBytes. */
  body?: { json: B; maxBytes: number };
  /** How the error opens for each part, e.g. "Check the filters"; the issues follow. */
  leads?: Partial<Record<RequestPart, string>>;
}

export interface ParsedRequest<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

type Raw = Record<string, string | string[] | undefined>;

export async function parseRequest<P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(
  req: Request,
  schemas: RequestSchemas<P, Q, B>,
  rawParams: Raw = {},
): Promise<ParsedRequest<z.output<P>, z.output<Q>, z.output<B>> | Response> {
  const leadOf = (part: RequestPart) => schemas.leads?.[part] ?? DEFAULT_LEADS[part];
  const params = schemas.params?.safeParse(rawParams);
  if (params && !params.success) return invalidPart("params", params.error, leadOf("params"));
  const query = schemas.query?.safeParse(queryObject(new URL(req.url).searchParams));
  if (query && !query.success) return invalidPart("query", query.error, leadOf("query"));
  const body = schemas.body ? await parseBody(req, schemas.body, leadOf("body")) : undefined;
  if (body instanceof Response) return body;
  return { params: params?.data, query: query?.data, body: body?.data } as ParsedRequest<z.output<P>, z.output<Q>, z.output<B>>;
}

/** The JSON body checked against its schema, or the 400 or 413 that says why not. */
async function parseBody<B extends z.ZodType>(req: Request, spec: { json: B; maxBytes: number }, lead: string): Promise<{ data: z.output<B> } | Response> {
  let json: unknown;
  try {
    json = await readJsonBody(req, spec.maxBytes);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    const opening = error.code === "too_large" ? "The request body is too large" : lead;
    return refuse(error.code, `${opening}: ${error.message}`, [{ path: "body", message: error.message }]);
  }
  const parsed = spec.json.safeParse(json);
  return parsed.success ? { data: parsed.data } : invalidPart("body", parsed.error, lead);
}

/**
 * A query string as an object: a key given once is a string, a key repeated is a list, as
 * Next.js hands searchParams to pages, so the same schema reads a page's URL and a route's.
 */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? values[0] : values;
  }
  return query;
}

/** 400 for a part of the request that failed its schema: the first issues in the error, up to MAX_ISSUES in details. */
export function invalidPart(part: RequestPart, error: z.ZodError, lead = DEFAULT_LEADS[part]): Response {
  const { details } = boundedIssues(error, "");
  const shown = details.slice(0, ISSUES_IN_MESSAGE).map((detail) => `${detail.path || part}: ${detail.message}`);
  const left = error.issues.length - shown.length;
  const under = (detail: IssueDetail) => ({ path: detail.path ? `${part}.${detail.path}` : part, message: detail.message });
  return refuse("invalid", `${lead}: ${shown.join("; ")}${left > 0 ? `; and ${left} more` : ""}`, details.map(under));
}

/** A path segment that is an id: digits only (no "1e3", no " 7"), at least `min`. */
export function idParam(what: string, min: 0 | 1) {
  const message = `a ${what} is a whole number${min ? " from 1" : ""}`;
  return z
    .string()
    .regex(/^\d{1,15}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message));
}
