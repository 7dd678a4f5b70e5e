import { describe, expect, expectTypeOf, test } from "vitest";
import { openApiDocument } from "@/lib/api/v1/openapi";
import { parseScoreRequest, type ScoreResult } from "@/lib/api/v1/schemas";
import type { CustomerScore } from "@/lib/services/scoring";

describe("the OpenAPI document", () => {
  const document = openApiDocument() as {
    openapi: string;
    paths: Record<string, unknown>;
    components: { schemas: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown }> };
  };

  test("is OpenAPI 3.1 with every v1 route", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual([
      "/api/v1/runs",
      "/api/v1/runs/{id}",
      "/api/v1/score",
      "/api/v1/segments",
      "/api/v1/segments/{id}/customers",
    ]);
  });

  test("every $ref points at a component that exists", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(document.components.schemas, ref).toHaveProperty(ref);
  });

  test("describes the customer exactly as the request validation does: the same fields, no others", () => {
    const customer = document.components.schemas.Customer;
    expect(customer.additionalProperties).toBe(false);
    expect(Object.keys(customer.properties!)).toHaveLength(29);
    expect(parseScoreRequest({ income: 52000, dtCustomer: "2014-02-13" }).success).toBe(true);
    expect(parseScoreRequest({ shoeSize: 42 }).success).toBe(false);
    expect(parseScoreRequest({ customers: [] }).success).toBe(false);
  });

  test("scores and segment members say why a score is missing and where the CLV comes from", () => {
    for (const name of ["ScoreResult", "SegmentCustomer"]) {
      expect(Object.keys(document.components.schemas[name].properties!)).toEqual(expect.arrayContaining(["responseNote", "clvSource", "clvNote"]));
    }
  });

  // Checked by the type checker (npm run typecheck): the service owns the shape, the schema documents it.
  test("documents exactly the result the scoring service returns", () => {
    expectTypeOf<CustomerScore>().toEqualTypeOf<ScoreResult>();
  });
});
