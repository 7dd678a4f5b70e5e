/**
 * The OpenAPI 3.1 document of the v1 API, generated from the zod schemas that validate
 * requests (schemas.ts): every schema with a meta id becomes a component.
 */
import { z } from "zod";
import { MAX_BATCH, errorResponse, runDetail, runsResponse, scoreRequest, scoreResponse, segmentCustomersResponse, segmentsResponse } from "./schemas";

const ref = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${z.globalRegistry.get(schema)!.id}` });
const json = (schema: z.ZodType) => ({ content: { "application/json": { schema: ref(schema) } } });
const error = (description: string) => ({ description, ...json(errorResponse) });

const COMMON = {
  "401": error("No token, or an unknown, revoked or expired one"),
  "403": error("The token's scope does not allow this"),
  "429": error("Over the token's rate limit; see Retry-After"),
  "503": error("No model is active yet, or the database cannot be reached; see Retry-After"),
};

const idParameter = (description: string) => ({ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 0 }, description });

export function openApiDocument(): Record<string, unknown> {
  const generated = z.toJSONSchema(z.globalRegistry, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" });
  // Components live inside the document: their own $schema and $id would only confuse resolvers.
  const schemas = Object.fromEntries(Object.entries(generated.schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema]));
  return {
    openapi: "3.1.0",
    info: {
      title: "Segment Studio API",
      version: "1",
      description: "Score customers with the active model and read its segments and runs. Every call needs `Authorization: Bearer <token>`.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths: {
      "/api/v1/score": {
        post: {
          summary: `Score one customer or a batch of up to ${MAX_BATCH}`,
          description:
            "Fields are the customer import's field names; numbers as numbers, dates as `YYYY-MM-DD` (or an ISO 8601 date-time with an offset); unknown fields are refused. Results come in input order. Other methods answer 405 with the usual error body and `Allow: POST`. Scope: VIEWER.",
          requestBody: { required: true, ...json(scoreRequest) },
          responses: {
            "200": { description: "One result per customer", ...json(scoreResponse) },
            "400": error("Invalid body, with field paths"),
            "413": error("Body over the size limit"),
            ...COMMON,
          },
        },
      },
      "/api/v1/segments": {
        get: {
          summary: "The active run's segments (personas)",
          description: "Scope: VIEWER.",
          responses: { "200": { description: "Segments", ...json(segmentsResponse) }, ...COMMON },
        },
      },
      "/api/v1/segments/{id}/customers": {
        get: {
          summary: "A segment's customers, a page at a time",
          description: "Pass `nextCursor` back as `cursor` until it is null. Scope: VIEWER.",
          parameters: [
            idParameter("Segment id"),
            { name: "cursor", in: "query", required: false, schema: { type: "integer", minimum: 0 } },
            { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: MAX_BATCH, default: 500 } },
          ],
          responses: {
            "200": { description: "A page", ...json(segmentCustomersResponse) },
            "400": error("Invalid id or query"),
            "404": error("No such segment"),
            ...COMMON,
          },
        },
      },
      "/api/v1/runs": {
        get: {
          summary: "Training runs, newest first",
          description: "Scope: ANALYST.",
          responses: { "200": { description: "Runs", ...json(runsResponse) }, ...COMMON },
        },
      },
      "/api/v1/runs/{id}": {
        get: {
          summary: "One run with its metrics, drift, stability and timings",
          description: "Scope: ANALYST.",
          parameters: [idParameter("Run id")],
          responses: { "200": { description: "The run", ...json(runDetail) }, "404": error("No such run"), ...COMMON },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token made on the admin page or with `npm run token`." } },
    },
  };
}
