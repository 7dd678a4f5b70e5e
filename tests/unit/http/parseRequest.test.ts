/**
 * The request boundary: params, query and JSON body parsed by their schemas, or one answer in
 * the one error shape naming the part and field at fault.
 */
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { pageQuery, scoreBody } from "@/lib/api/v1/schemas";
import { idParam, parseRequest, queryObject } from "@/lib/http/parseRequest";

const schemas = {
  params: z.object({ id: idParam("run id", 1) }),
  query: pageQuery,
  body: { json: z.object({ cost: z.number().min(0, "must be 0 or more"), name: z.string() }), maxBytes: 200 },
};

const post = (query: string, body: string) =>
  new Request(`http://localhost/api/things/7${query}`, { method: "POST", body, headers: { "content-type": "application/json" } });

async function refusal(result: unknown): Promise<{ status: number; json: { error: string; details: { path: string; message: string }[] } }> {
  if (!(result instanceof Response)) throw new Error(`expected a Response, got ${JSON.stringify(result)}`);
  return { status: result.status, json: await result.json() };
}

describe("parseRequest", () => {
  test("a valid request comes back parsed: the id a number, the query's defaults filled in", async () => {
    const parsed = await parseRequest(post("?cursor=40", '{"cost": 2.5, "name": "spring"}'), schemas, { id: "7" });
    expect(parsed).toEqual({ params: { id: 7 }, query: { cursor: 40, limit: 500 }, body: { cost: 2.5, name: "spring" } });
  });

  test("a body that is not JSON answers 400 with the detail at body", async () => {
    const { status, json } = await refusal(await parseRequest(post("", "{not json"), schemas, { id: "7" }));
    expect(status).toBe(400);
    expect(json.error).toMatch(/^The request body is not valid: the body is not valid JSON \(/);
    expect(json.details).toEqual([{ path: "body", message: expect.stringMatching(/^the body is not valid JSON/) }]);
  });

  test("a body over its limit answers 413, whether it says its size or not", async () => {
    const big = JSON.stringify({ cost: 1, name: "x".repeat(300) });
    const streamed = await refusal(await parseRequest(post("", big), schemas, { id: "7" }));
    expect(streamed.status).toBe(413);
    expect(streamed.json).toEqual({
      error: "The request body is too large: the body is over the limit of 200 bytes",
      details: [{ path: "body", message: "the body is over the limit of 200 bytes" }],
    });

    const declared = new Request("http://localhost/api/things/7", { method: "POST", body: big, headers: { "content-length": String(big.length) } });
    const { status, json } = await refusal(await parseRequest(declared, schemas, { id: "7" }));
    expect(status).toBe(413);
    expect(json.error).toBe(`The request body is too large: the body is ${big.length} bytes; the limit is 200`);
  });

  test("a zod failure names each field under body, in the error and in details", async () => {
    const { status, json } = await refusal(await parseRequest(post("", '{"cost": -1}'), schemas, { id: "7" }));
    expect(status).toBe(400);
    expect(json.error).toBe("The request body is not valid: cost: must be 0 or more; name: Invalid input: expected string, received undefined");
    expect(json.details).toEqual([
      { path: "body.cost", message: "must be 0 or more" },
      { path: "body.name", message: "Invalid input: expected string, received undefined" },
    ]);
  });

  test("a query number out of range answers 400 at query.limit, and the body is not read", async () => {
    const { status, json } = await refusal(await parseRequest(post("?limit=5000", "{not json"), schemas, { id: "7" }));
    expect(status).toBe(400);
    expect(json.error).toBe("The query is not valid: limit: Too big: expected number to be <=1000");
    expect(json.details).toEqual([{ path: "query.limit", message: "Too big: expected number to be <=1000" }]);
  });

  test.each([
    ["abc", "params.id"],
    ["0", "params.id"],
    ["1e3", "params.id"],
  ])("the id %j is refused at %s with the route's own lead", async (id, path) => {
    const { status, json } = await refusal(await parseRequest(post("", "{}"), { ...schemas, leads: { params: "The run id is not valid" } }, { id }));
    expect(status).toBe(400);
    expect(json.error).toBe("The run id is not valid: id: a run id is a whole number from 1");
    expect(json.details).toEqual([{ path, message: "a run id is a whole number from 1" }]);
  });

  test("the score body keeps its date message and the place of the bad customer", async () => {
    const body = JSON.stringify({ customers: [{ dtCustomer: "2014-02-13" }, { dtCustomer: "02/13/2014" }] });
    const { json } = await refusal(await parseRequest(post("", body), { body: { json: scoreBody, maxBytes: 1000 } }));
    expect(json.error).toBe(
      "The request body is not valid: customers.1.dtCustomer: expected a date as YYYY-MM-DD (or a date-time such as 2014-02-13T00:00:00Z)",
    );
    expect(json.details[0].path).toBe("body.customers.1.dtCustomer");
  });

  test("a query key given once is a string, a repeated one a list", () => {
    expect(queryObject(new URLSearchParams("kind=orders&map=a=A&map=b=B"))).toEqual({ kind: "orders", map: ["a=A", "b=B"] });
  });
});
