/**
 * Faults end to end: an upload over the size limit (the e2e server runs with IMPORT_MAX_BYTES
 * of 1 MB), and the database going away under a running server. For the second, a server of
 * its own runs on a PostgreSQL database reached through a TCP proxy the test can cut
 * (TEST_POSTGRES_URL's server, as in the integration tests; CI sets it).
 */
import { expect, test } from "@playwright/test";
import { startServer, type StartedServer } from "@/tests/support/nextServer";
import { startTcpProxy, type TcpProxy } from "@/tests/integration/support/tcpProxy";
import { E2E_BASE_URL } from "@/playwright.config";
import { CUSTOMER_HEADER, CUSTOMER_LINES } from "@/tests/unit/import/fixtures";
import { readDatabase, runScript } from "./support/e2eDatabase";
import { signIn } from "./support/signIn";

const ARTIFACTS = "tests/e2e/.artifacts";
const UPLOAD_LIMIT = 1_000_000;
const counts = () =>
  readDatabase<{ customers: number; orders: number }>(`SELECT (SELECT COUNT(*) FROM "Customer") AS customers, (SELECT COUNT(*) FROM "Order") AS orders`)[0];

test("an upload over the limit is refused in the browser, by its declared size and while streaming, and writes no customer", async ({ page }) => {
  await signIn(page, "ANALYST");
  const before = counts();
  const row = `${CUSTOMER_LINES[0]}\n`;
  const oversized = Buffer.from(`${CUSTOMER_HEADER}\n${row.repeat(Math.ceil(UPLOAD_LIMIT / row.length) + 1)}`);

  await page.getByRole("link", { name: "Import" }).click();
  await page.getByLabel(/CSV file/).setInputFiles({ name: "too-big.csv", mimeType: "text/csv", buffer: oversized });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/the limit is 1 MB/)).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/upload-over-limit.png`, fullPage: true });

  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const url = `${E2E_BASE_URL}/api/import?kind=customers&fileName=too-big.csv`;
  const declared = await fetch(url, { method: "POST", headers: { cookie, "content-type": "text/csv", origin: E2E_BASE_URL }, body: oversized });
  expect(declared.status).toBe(413);
  expect((await declared.json()).error).toBe(`The file is ${oversized.length} bytes; the limit is ${UPLOAD_LIMIT} bytes.`);

  // Without a Content-Length the server cannot refuse up front: the reader stops at the limit
  // and the server drains the other 5 MB the client keeps sending, then still answers.
  const chunks = Array.from({ length: 6 }, () => oversized.subarray(0, UPLOAD_LIMIT));
  const body = new ReadableStream<Uint8Array>({ pull: (controller) => (chunks.length ? controller.enqueue(chunks.shift()!) : controller.close()) });
  const streamed = await fetch(url, {
    method: "POST",
    headers: { cookie, "content-type": "text/csv", origin: E2E_BASE_URL },
    body,
    duplex: "half",
  } as RequestInit);
  expect(streamed.status).toBe(413);
  expect((await streamed.json()).error).toMatch(/limit/);
  expect((await fetch(`${E2E_BASE_URL}/admin/import`, { headers: { cookie } })).status).toBe(200);

  expect(counts()).toEqual(before);
});

test.describe("with the database gone", () => {
  test.skip(!process.env.TEST_POSTGRES_URL, "needs TEST_POSTGRES_URL (a PostgreSQL server; CI sets it)");
  let database: { url: string; token: string };
  let proxy: TcpProxy;
  let server: StartedServer;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    database = JSON.parse(runScript("tests/e2e/support/outageDatabase.ts", ["create"]).trim().split("\n").at(-1)!);
    proxy = await startTcpProxy(database.url);
    server = await startServer({ databaseUrl: proxy.url, build: false });
  });

  test.afterAll(async () => {
    server?.stop();
    await proxy?.close();
    if (database) runScript("tests/e2e/support/outageDatabase.ts", ["drop", database.url]);
  });

  test("pages show the error state and the API answers 503 with Retry-After; both recover when it is back", async ({ browser }) => {
    const context = await browser.newContext({ baseURL: server.base });
    const page = await context.newPage();
    await signIn(page, "EXECUTIVE");
    await expect(page.getByTestId("kpi-run")).toBeVisible();
    const api = () => fetch(`${server.base}/api/v1/segments`, { headers: { authorization: `Bearer ${database.token}` } });
    expect((await api()).status).toBe(200);

    await proxy.cut();
    for (const path of ["/", "/segments", "/customers"]) {
      await page.goto(path);
      await expect(page.getByRole("alert").filter({ hasText: "The database cannot be reached" })).toBeVisible();
    }
    await page.screenshot({ path: `${ARTIFACTS}/database-down.png`, fullPage: true });
    const refused = await api();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    // Session routes answer the outage as the token API does, in the one error shape.
    const exported = await page.request.get("/api/export/segments");
    expect(exported.status()).toBe(503);
    expect(exported.headers()["retry-after"]).toBe("5");
    expect(await exported.json()).toEqual({ error: "The database cannot be reached; try again shortly.", details: [] });

    await proxy.restore();
    await expect(async () => expect((await api()).status).toBe(200)).toPass({ timeout: 30_000 });
    await page.goto("/");
    await expect(page.getByTestId("kpi-run")).toBeVisible();
    await context.close();
  });
});
