/**
 * The v1 API's route handlers against a real SQLite database with a trained run: tokens and
 * scopes, validation with field paths, size and rate limits, 503 before any model, and
 * scores that agree with the ones the run stored.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import type { Role } from "@/lib/auth/roles";
import { readRunScoreRows } from "@/tests/support/runScores";
import { useTestDatabase, type TestDatabase } from "./support/databases";
import { toApiCustomer } from "@/tests/support/apiCustomer";

const CUSTOMERS = 400;
type Route = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe("the v1 API on SQLite", () => {
  let database: TestDatabase;
  let dir: string;
  let lib: {
    db: typeof import("@/lib/db/internal/client").db;
    createApiToken: typeof import("@/lib/db/tokens").createApiToken;
    revokeApiToken: typeof import("@/lib/db/tokens").revokeApiToken;
    runRetrain: typeof import("@/lib/services/retrain/runRetrain").runRetrain;
  };
  let routes: { score: Route; segments: Route; segmentCustomers: Route; runs: Route; run: Route };
  const records = generateCustomers({ seed: 8, count: CUSTOMERS });

  beforeAll(async () => {
    database = await useTestDatabase("sqlite");
    process.env.API_RATE_PER_SECOND = "5";
    process.env.API_RATE_BURST = "20";
    process.env.API_BAD_TOKEN_RATE_PER_SECOND = "0.1";
    process.env.API_BAD_TOKEN_BURST = "10";
    process.env.TRUSTED_PROXIES = "10.0.0.1";
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "api-"));
    const [{ db }, tokens, { runRetrain }, { importFile }] = await Promise.all([
      import("@/lib/db/internal/client"),
      import("@/lib/db/tokens"),
      import("@/lib/services/retrain/runRetrain"),
      import("@/lib/services/importFile"),
    ]);
    lib = { db, createApiToken: tokens.createApiToken, revokeApiToken: tokens.revokeApiToken, runRetrain };
    routes = {
      score: (await import("@/app/api/v1/score/route")).POST as Route,
      segments: (await import("@/app/api/v1/segments/route")).GET as Route,
      segmentCustomers: (await import("@/app/api/v1/segments/[id]/customers/route")).GET as Route,
      runs: (await import("@/app/api/v1/runs/route")).GET as Route,
      run: (await import("@/app/api/v1/runs/[id]/route")).GET as Route,
    };
    const file = path.join(dir, "customers.csv");
    fs.writeFileSync(file, CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(records));
    expect((await importFile({ kind: "customers", source: file, fileName: "customers.csv", userId: null })).status).toBe("SUCCEEDED");
  });

  afterAll(async () => {
    await lib?.db.$disconnect();
    await database?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const token = async (scope: Role, expiresAt: Date | null = null) =>
    (await lib.createApiToken({ name: `${scope} test`, scope, expiresAt, createdById: null })).secret;

  function call(
    route: Route,
    secret: string | null,
    init: { path: string; params?: Record<string, string>; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ) {
    const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    const headers: Record<string, string> = { "content-type": "application/json", ...init.headers };
    if (secret) headers.authorization = `Bearer ${secret}`;
    const req = new Request(`http://localhost${init.path}`, { method: body === undefined ? "GET" : "POST", headers, body });
    return route(req, { params: Promise.resolve(init.params ?? {}) });
  }

  test("before any model is trained, scoring answers 503 with Retry-After", async () => {
    const response = await call(routes.score, await token("VIEWER"), { path: "/api/v1/score", body: toApiCustomer(records[0]) });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await response.json()).error).toMatch(/No model is active yet/);

    const outcome = await lib.runRetrain({ trigger: "CLI", requestedById: null, config: { spaces: ["standardized"], kMax: 4, folds: 3 } });
    expect(outcome.status).toBe("SUCCEEDED");
  });

  test("no token, an unknown, a revoked and an expired token get 401; too little scope gets 403", async () => {
    const revoked = await lib.createApiToken({ name: "old", scope: "ADMIN", expiresAt: null, createdById: null });
    await lib.revokeApiToken(revoked.token.id);
    const expired = await token("ADMIN", new Date(Date.now() - 1000));
    for (const secret of [null, "sst_not-a-real-token", revoked.secret, expired]) {
      const response = await call(routes.segments, secret, { path: "/api/v1/segments" });
      expect(response.status).toBe(401);
    }
    const viewer = await token("VIEWER");
    expect((await call(routes.runs, viewer, { path: "/api/v1/runs" })).status).toBe(403);
    expect((await call(routes.runs, await token("ANALYST"), { path: "/api/v1/runs" })).status).toBe(200);
  });

  test("a token used (so its lookup is kept) and then revoked is refused on the next call; one revoked in the database alone within 1 s", async () => {
    const used = await lib.createApiToken({ name: "crm", scope: "VIEWER", expiresAt: null, createdById: null });
    expect((await call(routes.segments, used.secret, { path: "/api/v1/segments" })).status).toBe(200);
    await lib.revokeApiToken(used.token.id);
    expect((await call(routes.segments, used.secret, { path: "/api/v1/segments" })).status).toBe(401);

    // As `npm run token -- revoke` does from another process: this process only sees the row change.
    const elsewhere = await lib.createApiToken({ name: "ads", scope: "VIEWER", expiresAt: null, createdById: null });
    expect((await call(routes.segments, elsewhere.secret, { path: "/api/v1/segments" })).status).toBe(200);
    await lib.db.apiToken.update({ where: { id: elsewhere.token.id }, data: { revokedAt: new Date() } });
    expect((await call(routes.segments, elsewhere.secret, { path: "/api/v1/segments" })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await call(routes.segments, elsewhere.secret, { path: "/api/v1/segments" })).status).toBe(401);
  });

  test("scores a batch in input order, agreeing with the scores the run stored for the same customers", async () => {
    const picked = [records[5], records[0], records[123]];
    const response = await call(routes.score, await token("VIEWER"), { path: "/api/v1/score", body: { customers: picked.map(toApiCustomer) } });
    expect(response.status).toBe(200);
    const { results } = await response.json();
    expect(results.map((result: { externalId: string }) => result.externalId)).toEqual(picked.map((record) => record.externalId));

    const active = await lib.db.runActivation.findFirstOrThrow({ orderBy: { id: "desc" } });
    const storedScores = await readRunScoreRows(active.runId);
    for (const [i, record] of picked.entries()) {
      const customer = await lib.db.customer.findUniqueOrThrow({ where: { externalId: record.externalId } });
      const stored = storedScores.find((score) => score.customerId === customer.id)!;
      expect(results[i]).toMatchObject({ runId: active.runId, segment: { id: stored.segmentKey } });
      expect(results[i].responseProbability).toBeCloseTo(stored.responseProbability!, 6);
      for (const note of ["responseNote", "clvSource", "clvNote"]) expect(results[i]).toHaveProperty(note);
      const probabilities = Object.values(results[i].segment.probabilities as Record<string, number>);
      expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 4);
    }
  });

  test("invalid bodies get 400 naming the field; oversized ones 413", async () => {
    const secret = await token("VIEWER");
    const bad = await call(routes.score, secret, {
      path: "/api/v1/score",
      body: { customers: [toApiCustomer(records[0]), { ...toApiCustomer(records[1]), income: "lots", shoeSize: 42 }] },
    });
    expect(bad.status).toBe(400);
    const { details } = await bad.json();
    expect(details.map((detail: { path: string }) => detail.path)).toEqual(expect.arrayContaining(["body.customers.1.income", "body.customers.1"]));
    expect(JSON.stringify(details)).toMatch(/shoeSize/);

    const tooMany = await call(routes.score, secret, { path: "/api/v1/score", body: { customers: Array.from({ length: 1001 }, () => ({})) } });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).details[0].path).toBe("body.customers");

    const notJson = await call(routes.score, secret, { path: "/api/v1/score", rawBody: "{not json" });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).details).toEqual([{ path: "body", message: expect.stringMatching(/^the body is not valid JSON/) }]);
    const huge = await call(routes.score, secret, { path: "/api/v1/score", rawBody: JSON.stringify({ education: "x".repeat(3 * 1024 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({
      error: expect.stringMatching(/^The request body is too large: /),
      details: [{ path: "body", message: expect.stringMatching(/limit/) }],
    });
  });

  test("random JSON bodies get 200 or a 400 that names a field, never a crash", async () => {
    const field = fc.constantFrom("externalId", "yearBirth", "income", "education", "dtCustomer", "kidhome", "response", "mntWines", "shoeSize");
    const customerish = fc.dictionary(
      field,
      fc.oneof(
        fc.string(),
        fc.double(),
        fc.integer(),
        fc.constant(null),
        fc.boolean(),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      ),
    );
    const body = fc.oneof(
      fc.json(),
      customerish.map((c) => JSON.stringify(c)),
      fc.array(customerish, { maxLength: 5 }).map((customers) => JSON.stringify({ customers })),
    );
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        // A token per body keeps this file's low rate limit out of the way.
        const response = await call(routes.score, await token("VIEWER"), { path: "/api/v1/score", rawBody: raw });
        expect([200, 400]).toContain(response.status);
        const answer = await response.json();
        if (response.status === 200) expect(answer.results.length).toBeGreaterThan(0);
        else expect(answer.error).toMatch(/not valid|empty/);
      }),
      { numRuns: 150, seed: 20261129 },
    );
  });

  test("a segment's customers come page by page, each member once", async () => {
    const secret = await token("VIEWER");
    const { segments } = await (await call(routes.segments, secret, { path: "/api/v1/segments" })).json();
    const largest = segments.reduce((a: { size: number }, b: { size: number }) => (b.size > a.size ? b : a));
    const seen: string[] = [];
    let cursor: number | null = null;
    do {
      const query: string = `limit=25${cursor === null ? "" : `&cursor=${cursor}`}`;
      const page: { customers: { externalId: string }[]; nextCursor: number | null } = await (
        await call(routes.segmentCustomers, secret, { path: `/api/v1/segments/${largest.id}/customers?${query}`, params: { id: String(largest.id) } })
      ).json();
      seen.push(...page.customers.map((customer: { externalId: string }) => customer.externalId));
      for (const customer of page.customers)
        expect(Object.keys(customer)).toEqual(["externalId", "responseProbability", "responseNote", "clv", "clvSource", "clvNote", "pAlive"]);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen.length).toBe(largest.size);
    expect(new Set(seen).size).toBe(largest.size);
    expect((await call(routes.segmentCustomers, secret, { path: "/api/v1/segments/99/customers", params: { id: "99" } })).status).toBe(404);

    const badId = await call(routes.segmentCustomers, secret, { path: "/api/v1/segments/x/customers", params: { id: "x" } });
    expect(badId.status).toBe(400);
    expect(await badId.json()).toEqual({
      error: "The segment id is not valid: id: a segment id is a whole number",
      details: [{ path: "params.id", message: "a segment id is a whole number" }],
    });
    const tooLong = await call(routes.segmentCustomers, secret, {
      path: `/api/v1/segments/${largest.id}/customers?limit=5000`,
      params: { id: String(largest.id) },
    });
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).details).toEqual([{ path: "query.limit", message: "Too big: expected number to be <=1000" }]);
  });

  test("past the rate limit a token gets 429 with Retry-After, and its last use is recorded", async () => {
    const { secret, token: made } = await lib.createApiToken({ name: "burst", scope: "ANALYST", expiresAt: null, createdById: null });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 30; i++) {
      const response = await call(routes.run, secret, { path: "/api/v1/runs/1", params: { id: "1" } });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await lib.db.apiToken.findUniqueOrThrow({ where: { id: made.id } })).lastUsedAt).not.toBeNull();
  });

  test("unknown tokens are rate-limited per client address (behind a trusted proxy); a live token from that address is not", async () => {
    const from = (address: string) => ({ "x-forwarded-for": `${address}, 10.0.0.1` });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 12; i++) {
      const response = await call(routes.segments, `sst_guess-${i}`, { path: "/api/v1/segments", headers: from("203.0.113.9") });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await call(routes.segments, await token("VIEWER"), { path: "/api/v1/segments", headers: from("203.0.113.9") })).status).toBe(200);
    expect((await call(routes.segments, "sst_guess-other", { path: "/api/v1/segments", headers: from("198.51.100.7") })).status).toBe(401);
  });

  test("once all data is removed, scoring answers 503 at once: the kept models are forgotten", async () => {
    const secret = await token("VIEWER");
    expect((await call(routes.score, secret, { path: "/api/v1/score", body: toApiCustomer(records[0]) })).status).toBe(200);
    const { removeBusinessData } = await import("@/lib/services/resetData");
    await removeBusinessData({ userId: null, via: "cli" });
    const response = await call(routes.score, secret, { path: "/api/v1/score", body: toApiCustomer(records[0]) });
    expect(response.status).toBe(503);
  });
});
