/**
 * Two production servers (`next start` on the build Playwright's web server made) and the score
 * server (`npm run score-server`) against one PostgreSQL database, as a scaled-out web tier runs:
 * what one server changes, the others obey. A token revoked through A is refused by B and by the
 * score server once their kept lookups have aged out (a second); the per-token rate limit counts
 * the requests of all three; after an administrator activates another run through A, B and the
 * score server score with that run's models once their active-run lookups have aged out (a second).
 * The database is made in a child process (support/twoServersDatabase.ts) and read back through
 * the servers' API: this worker never imports lib/db, whose client binds DATABASE_URL at import.
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { generateCustomers } from "@/lib/data/synthetic";
import { dropPostgresDatabase, postgresAvailable } from "@/tests/integration/support/databases";
import { toApiCustomer } from "@/tests/support/apiCustomer";
import { signIn, startServer, type StartedServer } from "@/tests/support/nextServer";
import { startScoreServer } from "@/tests/support/scoreServer";
import { runScript } from "./support/e2eDatabase";

const RATE_BURST = 40;
/** Past the bounds the two servers keep a token lookup and the active run id for. */
const PAST_KEPT_LOOKUPS_MS = 1_100;

/** What support/twoServersDatabase.ts prints. */
interface TwoServersDatabase {
  databaseUrl: string;
  runIds: number[];
  admin: { email: string; password: string };
  revokedToken: { id: string; secret: string };
  rateToken: string;
  activationToken: string;
}

interface Scored {
  results: { runId: number; segment: { id: number } | null }[];
}

test.describe.serial("two web servers and the score server on one PostgreSQL database", () => {
  test.skip(!postgresAvailable(), "TEST_POSTGRES_URL is not set");

  let database: TwoServersDatabase | undefined;
  let servers: StartedServer[] = [];
  let scoreServer: StartedServer | undefined;
  /** Every server that answers the scoring API: A, B and the score server. */
  const scoring = () => [...servers, scoreServer!];
  let adminCookie: string;
  const customer = toApiCustomer(generateCustomers({ seed: 31, count: 1 })[0]);

  test.beforeAll(async () => {
    test.setTimeout(10 * 60_000);
    database = JSON.parse(runScript("tests/e2e/support/twoServersDatabase.ts").trim().split("\n").pop()!) as TwoServersDatabase;
    const options = { databaseUrl: database.databaseUrl, build: false, env: { API_RATE_PER_SECOND: "0.001", API_RATE_BURST: String(RATE_BURST) } };
    // Settled, not all: a server that started is stopped in afterAll even if the other did not.
    const started = await Promise.allSettled([startServer(options), startServer(options)]);
    servers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    for (const result of started) if (result.status === "rejected") throw result.reason;
    scoreServer = await startScoreServer(options);
    adminCookie = (await signIn(servers[0].base, database.admin)).cookie;
  });

  test.afterAll(async () => {
    for (const server of servers) server.stop();
    scoreServer?.stop();
    if (database) await dropPostgresDatabase(database.databaseUrl);
  });

  const score = (server: StartedServer, secret: string) =>
    fetch(`${server.base}/api/v1/score`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify(customer),
    });

  const read = async <T>(server: StartedServer, route: string, secret: string): Promise<T> => {
    const response = await fetch(`${server.base}${route}`, { headers: { authorization: `Bearer ${secret}` } });
    expect(response.status, route).toBe(200);
    return (await response.json()) as T;
  };

  test("a token revoked through server A is refused by server B and the score server", async () => {
    const { id, secret } = database!.revokedToken;
    expect((await score(servers[1], secret)).status).toBe(200);
    expect((await score(scoreServer!, secret)).status).toBe(200);
    expect(await callAction(servers[0], "/admin/tokens", "app/(app)/admin/tokens/actions.ts", "revokeTokenAction", { tokenId: id })).toContain("Revoked.");
    expect((await score(servers[0], secret)).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, PAST_KEPT_LOOKUPS_MS));
    expect((await score(servers[1], secret)).status).toBe(401);
    expect((await score(scoreServer!, secret)).status).toBe(401);
  });

  test("the per-token rate limit counts the requests of all three servers together", async () => {
    const secret = database!.rateToken;
    const statuses: number[][] = scoring().map(() => []);
    for (let i = 0; i < RATE_BURST; i++) for (const [n, server] of scoring().entries()) statuses[n].push((await score(server, secret)).status);
    const allowed = statuses.flat().filter((status) => status === 200).length;
    expect(allowed).toBe(RATE_BURST);
    expect(statuses.flat().filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect(statuses.map((answers) => answers.at(-1))).toEqual([429, 429, 429]);
  });

  test("after another run is activated through server A, server B and the score server score with that run's models", async () => {
    const secret = database!.activationToken;
    const { runs } = await read<{ runs: { id: number; active: boolean }[] }>(servers[0], "/api/v1/runs", secret);
    const active = runs.find((run) => run.active)?.id;
    expect(database!.runIds).toContain(active);
    const other = database!.runIds.find((runId) => runId !== active)!;
    for (const server of scoring().slice(1)) {
      const before = (await (await score(server, secret)).json()) as Scored;
      expect(before.results[0].runId).toBe(active);
    }

    const answer = await callAction(servers[0], `/admin/runs/${other}`, "app/(app)/admin/runs/[id]/actions.ts", "activateRunAction", {
      runId: String(other),
      confirm: "on",
      note: "two-server test: activate the other run",
    });
    expect(answer).toContain(`Run ${other} is now the active run.`);
    await new Promise((resolve) => setTimeout(resolve, PAST_KEPT_LOOKUPS_MS));
    const after = (await (await score(servers[1], secret)).json()) as Scored;
    expect(after.results[0].runId).toBe(other);
    expect((await (await score(scoreServer!, secret)).json()) as Scored).toEqual(after);
    const { segments } = await read<{ segments: { id: number; runId: number }[] }>(servers[0], "/api/v1/segments", secret);
    expect(segments.length).toBeGreaterThan(0);
    expect(segments.every((segment) => segment.runId === other)).toBe(true);
    const segment = after.results[0].segment;
    expect(segment === null || segments.some(({ id }) => id === segment.id)).toBe(true);
  });

  /**
   * Calls a server action as the browser does (see access.spec.ts): its id from the build's
   * manifest, the form's fields prefixed "_1_", then the arguments as field "0".
   */
  async function callAction(server: StartedServer, page: string, file: string, name: string, fields: Record<string, string>): Promise<string> {
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
  if (!found) throw new Error(`no server action ${name} of ${file} in the build's manifest`);
  return found[0];
}
