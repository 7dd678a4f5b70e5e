/**
 * The score server (`npm run score-server`) as a process of its own against a real SQLite
 * database with a trained run: it answers POST /api/v1/score exactly as the Next.js route
 * handler does (the same handler, behind node:http instead of Next.js), adds the API's fixed
 * headers, refuses what the route refuses with the same answers, and obeys a token revoked
 * from another process.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import { toApiCustomer } from "@/tests/support/apiCustomer";
import type { StartedServer } from "@/tests/support/nextServer";
import { startScoreServer } from "@/tests/support/scoreServer";
import { useTestDatabase, type TestDatabase } from "./support/databases";

const MAX_BODY_BYTES = 50_000;
type Route = (req: Request, ctx: { params: Promise<Record<string, never>> }) => Response | Promise<Response>;

describe("the score server on SQLite", () => {
  let database: TestDatabase;
  let dir: string;
  let server: StartedServer | undefined;
  let lib: {
    db: typeof import("@/lib/db/internal/client").db;
    createApiToken: typeof import("@/lib/db/tokens").createApiToken;
  };
  let route: { POST: Route; GET: Route };
  const records = generateCustomers({ seed: 12, count: 300 });

  beforeAll(async () => {
    database = await useTestDatabase("sqlite");
    process.env.API_MAX_BODY_BYTES = String(MAX_BODY_BYTES);
    process.env.API_RATE_PER_SECOND = "1000";
    process.env.API_RATE_BURST = "1000";
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "score-server-"));
    const [{ db }, { createApiToken }, { runRetrain }, { importFile }, scoreRoute] = await Promise.all([
      import("@/lib/db/internal/client"),
      import("@/lib/db/tokens"),
      import("@/lib/services/retrain/runRetrain"),
      import("@/lib/services/importFile"),
      import("@/app/api/v1/score/route"),
    ]);
    lib = { db, createApiToken };
    route = { POST: scoreRoute.POST as Route, GET: scoreRoute.GET as Route };
    const file = path.join(dir, "customers.csv");
    fs.writeFileSync(file, CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(records));
    expect((await importFile({ kind: "customers", source: file, fileName: "customers.csv", userId: null })).status).toBe("SUCCEEDED");
    const outcome = await runRetrain({ trigger: "CLI", requestedById: null, config: { spaces: ["standardized"], kMax: 4, folds: 3 } });
    expect(outcome.status).toBe("SUCCEEDED");
    server = await startScoreServer({ databaseUrl: database.url });
  }, 120_000);

  afterAll(async () => {
    server?.stop();
    await lib?.db.$disconnect();
    await database?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const secretFor = async () => (await lib.createApiToken({ name: "score server test", scope: "VIEWER", expiresAt: null, createdById: null })).secret;
  const headersFor = (secret: string | null): Record<string, string> => ({
    "content-type": "application/json",
    ...(secret ? { authorization: `Bearer ${secret}` } : {}),
  });

  /** The same request to the score server and to the Next.js route handler in this process. */
  async function both(init: { method?: string; secret: string | null; body?: string }) {
    const method = init.method ?? "POST";
    const request = { method, headers: headersFor(init.secret), body: init.body };
    const fromServer = await fetch(`${server!.base}/api/v1/score`, request);
    const handler = method === "POST" ? route.POST : route.GET;
    // fetch declares the body's length, as any HTTP client does; a bare Request does not.
    const declared: Record<string, string> = init.body === undefined ? {} : { "content-length": String(Buffer.byteLength(init.body)) };
    const routeRequest = new Request("http://localhost/api/v1/score", { ...request, headers: { ...request.headers, ...declared } });
    const fromRoute = await handler(routeRequest, { params: Promise.resolve({}) });
    return { fromServer, fromRoute, server: await fromServer.json(), route: await fromRoute.json() };
  }

  test("scores a batch exactly as the route handler does, with the API's fixed headers", async () => {
    const body = JSON.stringify({ customers: [records[3], records[0], records[250]].map(toApiCustomer) });
    const answers = await both({ secret: await secretFor(), body });
    expect(answers.fromServer.status).toBe(200);
    expect(answers.server.results.map((result: { externalId: string }) => result.externalId)).toEqual(
      [records[3], records[0], records[250]].map((r) => r.externalId),
    );
    expect(answers.server.results[0].segment.id).toEqual(expect.any(Number));
    expect(answers.server).toEqual(answers.route);
    expect(answers.fromServer.headers.get("content-type")).toBe("application/json");
    expect(answers.fromServer.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(answers.fromServer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answers.fromServer.headers.get("x-frame-options")).toBe("DENY");
  });

  test("refuses what the route refuses, with the same answers", async () => {
    const secret = await secretFor();
    const cases = [
      { secret: null, body: JSON.stringify(toApiCustomer(records[0])), status: 401 },
      { secret: "sst_not-a-real-token", body: JSON.stringify(toApiCustomer(records[0])), status: 401 },
      { secret, body: JSON.stringify({ ...toApiCustomer(records[1]), dtCustomer: "13/02/2014" }), status: 400 },
      { secret, body: "{not json", status: 400 },
      { secret, body: JSON.stringify({ education: "x".repeat(MAX_BODY_BYTES) }), status: 413 },
      { secret: null, method: "GET", status: 405 },
    ];
    for (const { status, ...init } of cases) {
      const answers = await both(init);
      expect([answers.fromServer.status, answers.fromRoute.status]).toEqual([status, status]);
      expect(answers.server).toEqual(answers.route);
      expect(answers.server.error).toEqual(expect.any(String));
    }
    const get = await fetch(`${server!.base}/api/v1/score`);
    expect(get.headers.get("allow")).toBe("POST");
    const bearer = await fetch(`${server!.base}/api/v1/score`, { method: "POST", body: "{}" });
    expect(bearer.headers.get("www-authenticate")).toBe("Bearer");
  });

  test("a body streamed past the limit without a declared length gets 413, and the server answers the next request", async () => {
    const secret = await secretFor();
    const chunk = new TextEncoder().encode(`{"education":"${"x".repeat(MAX_BODY_BYTES)}`);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(new TextEncoder().encode('"}'));
        controller.close();
      },
    });
    const response = await fetch(`${server!.base}/api/v1/score`, { method: "POST", headers: headersFor(secret), body: stream, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(/^The request body is too large: the body is over the limit of 50000 bytes/);
    const next = await fetch(`${server!.base}/api/v1/score`, { method: "POST", headers: headersFor(secret), body: JSON.stringify(toApiCustomer(records[7])) });
    expect(next.status).toBe(200);
  });

  test("a large body left unread (401) does not hold up the next request on the same connection", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (headers: Record<string, string>, body: string) => rawPost(`${server!.base}/api/v1/score`, { headers, agent }, body);
    try {
      const unread = await post(headersFor(null), JSON.stringify({ education: "x".repeat(4 * 1024 * 1024) }));
      expect(unread.status).toBe(401);
      const next = await post(headersFor(await secretFor()), JSON.stringify(toApiCustomer(records[8])));
      expect(next.status).toBe(200);
      expect(next.socket).toBe(unread.socket);
    } finally {
      agent.destroy();
    }
  });

  test("answers 404 outside the scoring API, naming what it serves, and 400 for a Host header that is no host", async () => {
    const response = await fetch(`${server!.base}/api/v1/segments`);
    expect(response.status).toBe(404);
    expect((await response.json()).error).toBe("Nothing is served at /api/v1/segments here; this server answers /api/v1/score.");
    const badHost = await rawPost(`${server!.base}/api/v1/score`, { headers: { host: "not a host" } }, "{}");
    expect(badHost.status).toBe(400);
    expect(JSON.parse(badHost.body).error).toBe("The request's address (/api/v1/score) or its Host header (not a host) is not valid.");
  });

  test("a token revoked in the database by another process is refused within a second", async () => {
    const created = await lib.createApiToken({ name: "revoked elsewhere", scope: "VIEWER", expiresAt: null, createdById: null });
    const score = () =>
      fetch(`${server!.base}/api/v1/score`, { method: "POST", headers: headersFor(created.secret), body: JSON.stringify(toApiCustomer(records[9])) });
    expect((await score()).status).toBe(200);
    await lib.db.apiToken.update({ where: { id: created.token.id }, data: { revokedAt: new Date() } });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await score()).status).toBe(401);
  });
});

/** A POST through node:http, which sends headers as given (fetch would not send a bad Host) and tells the socket used. */
function rawPost(url: string, options: { headers: Record<string, string>; agent?: http.Agent }, body: string) {
  return new Promise<{ status: number; body: string; socket: unknown }>((resolve, reject) => {
    const request = http.request(url, { method: "POST", ...options }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode!, body: text, socket: request.socket }));
    });
    request.on("error", reject);
    request.end(body);
  });
}
