/**
 * The v1 API's request and response shapes. The same zod schemas validate requests and
 * generate the OpenAPI document (openapi.ts), so the two cannot disagree.
 */
import { z } from "zod";
import { CUSTOMER_COLUMNS, type CustomerColumn, type CustomerRecord } from "@/lib/data/customer";

export const MAX_BATCH = 1000;
/** zod's own message for a failed union is "Invalid input"; a caller needs the format instead. */
export const DATE_FORMAT_MESSAGE = "expected a date as YYYY-MM-DD (or a date-time such as 2014-02-13T00:00:00Z)";

function fieldSchema(kind: CustomerColumn["kind"]) {
  switch (kind) {
    case "id":
      return z.string().min(1).max(64);
    case "int":
      return z.number().int().min(0).max(1_000_000_000).nullable();
    case "number":
      return z.number().min(0).max(1e12).nullable();
    case "flag":
      return z.union([z.literal(0), z.literal(1)]).nullable();
    case "category":
      return z.string().max(100).nullable();
    case "date":
      return z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: DATE_FORMAT_MESSAGE }).nullable();
  }
}

const customerShape = Object.fromEntries(
  CUSTOMER_COLUMNS.map((column) => [
    column.field,
    fieldSchema(column.kind)
      .optional()
      .meta({ description: `CSV column ${column.header}` }),
  ]),
);

/** One customer in the import's field names; a field left out counts as missing. */
export const customerInput = z.strictObject(customerShape).meta({ id: "Customer" });
export type CustomerInput = z.infer<typeof customerInput>;

const batchRequest = z.strictObject({ customers: z.array(customerInput).min(1).max(MAX_BATCH) });

export const scoreRequest = z
  .union([customerInput, batchRequest])
  .meta({ id: "ScoreRequest", description: `One customer, or { "customers": [...] } with up to ${MAX_BATCH}.` });

/** Validates against the one shape the body claims, so errors name fields rather than "no union member matched". */
export function parseScoreRequest(body: unknown) {
  const isBatch = typeof body === "object" && body !== null && "customers" in body;
  return isBatch ? batchRequest.safeParse(body) : customerInput.safeParse(body);
}

/** The score route's body schema: parseScoreRequest's choice of shape, its issues kept with their paths. */
export const scoreBody = z.unknown().transform((body, ctx) => {
  const parsed = parseScoreRequest(body);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  return z.NEVER;
});

const probability = z.number().min(0).max(1);
const responseNote = z.string().nullable().meta({ description: "Why there is no response probability; null when there is one." });
const clvSource = z
  .enum(["orders", "profiles"])
  .nullable()
  .meta({ description: "Where the CLV comes from: order lines (exact) or profile fields (approximated); null without CLV." });
const clvNote = z.string().nullable().meta({ description: "Why there is no CLV; null when there is one." });

export const scoreResult = z
  .object({
    externalId: z.string(),
    segment: z
      .object({ id: z.number().int(), name: z.string(), probabilities: z.record(z.string(), probability).nullable() })
      .nullable()
      .meta({ description: "Null when the active run segments on order lines, which the API does not carry (see segmentNote)." }),
    segmentNote: z.string().nullable().meta({ description: "Why there is no segment; null when there is one." }),
    responseProbability: probability.nullable(),
    responseNote,
    clv: z.object({ value: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable() }),
    clvSource,
    clvNote,
    pAlive: probability.nullable(),
    runId: z.number().int(),
  })
  .meta({ id: "ScoreResult" });
export type ScoreResult = z.infer<typeof scoreResult>;

export const scoreResponse = z.object({ results: z.array(scoreResult) }).meta({ id: "ScoreResponse" });

export const segment = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    color: z.string(),
    size: z.number().int(),
    share: z.number(),
    isNew: z.boolean(),
    runId: z.number().int(),
  })
  .meta({ id: "Segment" });

export const segmentsResponse = z.object({ segments: z.array(segment) }).meta({ id: "SegmentsResponse" });

export const pageQuery = z.strictObject({
  cursor: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_BATCH).default(500),
});

export const segmentCustomer = z
  .object({
    externalId: z.string(),
    responseProbability: z.number().nullable(),
    responseNote,
    clv: z.number().nullable(),
    clvSource,
    clvNote,
    pAlive: z.number().nullable(),
  })
  .meta({ id: "SegmentCustomer" });

export const segmentCustomersResponse = z
  .object({ runId: z.number().int(), segmentId: z.number().int(), customers: z.array(segmentCustomer), nextCursor: z.number().int().nullable() })
  .meta({ id: "SegmentCustomersResponse" });

export const run = z
  .object({
    id: z.number().int(),
    trigger: z.string(),
    status: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    snapshotCount: z.number().int().nullable(),
    active: z.boolean(),
    decision: z.unknown(),
  })
  .meta({ id: "Run" });

export const runDetail = run
  .extend({ metrics: z.unknown(), drift: z.unknown(), stability: z.unknown(), timings: z.unknown(), error: z.string().nullable() })
  .meta({ id: "RunDetail" });
export const runsResponse = z.object({ runs: z.array(run) }).meta({ id: "RunsResponse" });

export const errorResponse = z
  .object({
    error: z.string().meta({ description: "What went wrong, in words." }),
    details: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .meta({ description: "Where the request was wrong, e.g. body.customers.1.income or query.limit; empty when nothing in it was." }),
  })
  .meta({ id: "Error" });

/** The customers of a request as records the models take; ids default to their position. */
export function toRecords(input: z.infer<typeof scoreRequest>): CustomerRecord[] {
  const customers = "customers" in input ? (input.customers as CustomerInput[]) : [input as CustomerInput];
  return customers.map((customer, i) => {
    const record = Object.fromEntries(CUSTOMER_COLUMNS.map((column) => [column.field, customer[column.field] ?? null])) as Record<string, unknown>;
    record.externalId = customer.externalId ?? String(i + 1);
    if (typeof record.dtCustomer === "string") record.dtCustomer = new Date(record.dtCustomer);
    return record as CustomerRecord;
  });
}
