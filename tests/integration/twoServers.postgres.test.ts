/**
 * Two production servers (`next start` on ports 3421 and 3422, the build in .next) against one
 * PostgreSQL database, as a scaled-out web tier runs: what one server changes, the other obeys.
 * A token revoked through A is refused by B once B's kept lookup has aged out (a second); the
 * per-token rate limit counts the requests of both; after an administrator activates another run
 * through A, B scores with that run's models once its active-run lookup has aged out (a second).
 * Needs a build: run `npx next build` first.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CUSTOMER_CSV_HEADER, formatCustomerLines } from "@/lib/data/importableCsv";
import { generateCustomers } from "@/lib/data/synthetic";
import { toApiCustomer } from "@/tests/support/apiCustomer";
import { signIn, startServer, type NextServer } from "@/tests/support/nextServer";
import { postgresAvailable, useTestDatabase, type TestDatabase } from "./support/databases";

const PORTS = [3421, 3422] as const;
const ADMIN = { email: "two-servers@example.com", password: "two-servers-password" };
const RATE_BURST = 40;
/** Past the bounds the two servers keep a token lookup and the active run id for. */
const PAST_KEPT_LOOKUPS_MS = 1_100;
const LIGHT = { spaces: ["standardized" as const], kMax: 4, folds: 3 };

describe.skipIf(!postgresAvailable())("two web servers on one PostgreSQL database", () => {
  let database: TestDatabase;
  let servers: NextServer[] = [];
  let adminCookie: string;
  let lib: {
    db: typeof import("@/lib/db/internal/client").db;
    createApiToken: typeof import("@/lib/db/tokens").createApiToken;
    getActiveRunId: typeof import("@/lib/db/activeRun").getActiveRunId;
  };
  const customer = toApiCustomer(generateCustomers({ seed: 31, count: 1 })[0]);
  const runIds: number[] = [];

  beforeAll(async () => {
    database = await useTestDatabase("postgresql");
    const [{ db }, tokens, activeRun, { importFile }, { runRetrain }, { createUser }, { hashPassword }] = await Promise.all([
      import("@/lib/db/internal/client"),
      import("@/lib/db/tokens"),
      import("@/lib/db/activeRun"),
      import("@/lib/services/importFile"),
      import("@/lib/services/retrain/runRetrain"),
      import("@/lib/db/users"),
      import("@/lib/auth/password"),
    ]);
    lib = { db, createApiToken: tokens.createApiToken, getActiveRunId: activeRun.getActiveRunId };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "two-servers-"));
    const file = path.join(dir, "customers.csv");
    fs.writeFileSync(file, CUSTOMER_CSV_HEADER + "\n" + formatCustomerLines(generateCustomers({ seed: 30, count: 300 })));
    expect((await importFile({ kind: "customers", source: file, fileName: "customers.csv", userId: null })).status).toBe("SUCCEEDED");
    fs.rmSync(dir, { recursive: true, force: true });
    // Two runs with models: whichever is not active after the second is the one to activate by hand.
    for (let i = 0; i < 2; i++) runIds.push((await runRetrain({ trigger: "CLI", requestedById: null, config: LIGHT })).runId);
    await createUser({ email: ADMIN.email, name: "Two servers", role: "ADMIN", passwordHash: await hashPassword(ADMIN.password) });

    const env = { API_RATE_PER_SECOND: "0.001", API_RATE_BURST: String(RATE_BURST) };
    servers = await Promise.all(PORTS.map((port) => startServer({ databaseUrl: database.url, build: false, port, env })));
    adminCookie = (await signIn(servers[0].base, ADMIN)).cookie;
  }, 600_000);

  afterAll(async () => {
    for (const server of servers) server.stop();
    await lib?.db.$disconnect();
    await database?.drop();
  }, 60_000);

  const score = (server: NextServer, secret: string) =>
    fetch(`${server.base}/api/v1/score`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify(customer),
    });

  const newToken = async (name: string) => lib.createApiToken({ name, scope: "VIEWER", expiresAt: null, createdById: null });

  test("a token revoked through server A is refused by server B", async () => {
    const { token, secret } = await newToken("revoked-on-a");
    expect((await score(servers[1], secret)).status).toBe(200);
    expect(await callAction(servers[0], "/admin/tokens", "app/(app)/admin/tokens/actions.ts", "revokeTokenAction", { tokenId: token.id })).toContain(
      "Revoked.",
    );
    expect((await score(servers[0], secret)).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, PAST_KEPT_LOOKUPS_MS));
    expect((await score(servers[1], secret)).status).toBe(401);
  });

  test("the per-token rate limit counts the requests of both servers together", async () => {
    const { secret } = await newToken("rate-shared");
    const statuses: number[][] = [[], []];
    for (let i = 0; i < RATE_BURST; i++) for (const [n, server] of servers.entries()) statuses[n].push((await score(server, secret)).status);
    const allowed = statuses.flat().filter((status) => status === 200).length;
    expect(allowed).toBe(RATE_BURST);
    expect(statuses.flat().filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect([statuses[0].at(-1), statuses[1].at(-1)]).toEqual([429, 429]);
  });

  test("after another run is activated through server A, server B scores with that run's models", async () => {
    const { secret } = await newToken("scores-after-activation");
    const active = await lib.getActiveRunId();
    const other = runIds.find((runId) => runId !== active)!;
    const before = await (await score(servers[1], secret)).json();
    expect(before.runId ?? before.results?.[0]?.runId).toBe(active);

    const answer = await callAction(servers[0], `/admin/runs/${other}`, "app/(app)/admin/runs/[id]/actions.ts", "activateRunAction", {
      runId: String(other),
      confirm: "on",
      note: "two-server test: activate the other run",
    });
    expect(answer).toContain(`Run ${other} is now the active run.`);
    await new Promise((resolve) => setTimeout(resolve, PAST_KEPT_LOOKUPS_MS));
    const after = await (await score(servers[1], secret)).json();
    expect(after.runId ?? after.results?.[0]?.runId).toBe(other);
    const segmentKeys = (await lib.db.segmentProfile.findMany({ where: { runId: other }, select: { segmentKey: true } })).map((row) => row.segmentKey);
    const segment = (after.segment ?? after.results?.[0]?.segment) as { id: number } | null;
    expect(segment === null || segmentKeys.includes(segment.id)).toBe(true);
  });

  /**
   * Calls a server action as the browser does (see tests/e2e/access.spec.ts): its id from the
   * build's manifest, the form's fields prefixed "_1_", then the arguments as field "0".
   */
  async function callAction(server: NextServer, page: string, file: string, name: string, fields: Record<string, string>): Promise<string> {
    const body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.append(`_1_${key}`, value);
    body.append("0", '[{"ok":true},"$K1"]');
    const response = await fetch(`${server.base}${page}`, {
      method: "POST",
      headers: { "next-action": actionId(file, name), accept: "text/x-component", origin: server.base, cookie: adminCookie },
      body,
      redirect: "manual",
    });
    return response.text();
  }
});

function actionId(file: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === name);
  if (!found) throw new Error(`no server action ${name} of ${file} in the build's manifest: run npx next build`);
  return found[0];
}
