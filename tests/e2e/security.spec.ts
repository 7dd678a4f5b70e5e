/**
 * Attacks from the web, end to end: cross-site requests riding on an administrator's session
 * (route handlers check Origin), an import sent as a plain-text form, callbackUrl sending the
 * browser to another site after sign-in, and the pages' nonce Content-Security-Policy, which
 * must leave every page rendering and hydrating without a single violation.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "@/playwright.config";
import { startServer } from "@/tests/support/nextServer";
import { ROUTE_RULES, samplePath } from "./support/accessRules";
import { E2E_DATABASE_URL, readDatabase } from "./support/e2eDatabase";
import { signIn } from "./support/signIn";
import { ensureTrainedRun, TRAINING_TIMEOUT_MS } from "./support/trainedRunFacts";
import { E2E_USERS } from "./support/users";

const ARTIFACTS = "tests/e2e/.artifacts";
/** Another port of the same host: the same site, so the browser sends the SameSite=Lax session cookie along. */
const OTHER_ORIGIN = `http://localhost:${Number(new URL(E2E_BASE_URL).port) + 1}`;

const STATE_CHANGING = Object.entries(ROUTE_RULES)
  .filter(([key, rule]) => rule.auth === "session" && !key.startsWith("GET "))
  .map(([key, rule]) => ({ key, method: key.split(" ")[0], url: samplePath(key.split(" ")[1]) + (rule.probe?.query ? `?${rule.probe.query}` : ""), rule }));

const counts = () =>
  readDatabase<{ runs: number; batches: number }>(`SELECT (SELECT COUNT(*) FROM "ModelRun") AS runs, (SELECT COUNT(*) FROM "ImportBatch") AS batches`)[0];

async function signedIn(page: Page, role: keyof typeof E2E_USERS): Promise<APIRequestContext> {
  await signIn(page, role);
  return page.request;
}

test("every state-changing route handler refuses a signed-in administrator's request from another origin, a null one, a foreign Referer or none; from the app it goes on", async ({
  browser,
}) => {
  expect(STATE_CHANGING.map((route) => route.key)).toEqual(expect.arrayContaining(["POST /api/import", "POST /api/runs"]));
  const admin = await signedIn(await (await browser.newContext()).newPage(), "ADMIN");
  const viewer = await signedIn(await (await browser.newContext()).newPage(), "VIEWER");
  const before = counts();
  const results: string[] = [];

  for (const { key, method, url, rule } of STATE_CHANGING) {
    const send = (request: APIRequestContext, headers: Record<string, string>) =>
      request.fetch(url, {
        method,
        data: rule.probe?.body ?? "",
        headers: { "content-type": rule.probe?.contentType ?? "application/json", ...headers },
        maxRedirects: 0,
      });
    const foreign: Record<string, string>[] = [{ origin: OTHER_ORIGIN }, { origin: "null" }, { referer: `${OTHER_ORIGIN}/attack.html` }, {}];
    for (const headers of foreign) {
      const response = await send(admin, headers);
      const error = String((await response.json().catch(() => ({}))).error ?? "");
      const ok = response.status() === 403 && error.startsWith("Refused:");
      results.push(`${ok ? "✓" : "✗"} ${key} ${JSON.stringify(headers)}: ${response.status()} ${error}`);
    }
    // From the app's own origin the check lets it through: to the handler, or, for a call that would
    // change data (a retrain), to the role check of a viewer.
    const own = rule.skipAllowed ? await send(viewer, { origin: E2E_BASE_URL }) : await send(admin, { origin: E2E_BASE_URL });
    const error = String((await own.json().catch(() => ({}))).error ?? "");
    const ok = rule.skipAllowed ? own.status() === 403 && error === "Your role (VIEWER) may not do this." : own.status() !== 403 && own.status() < 500;
    results.push(`${ok ? "✓" : "✗"} ${key} from ${E2E_BASE_URL}: ${own.status()} ${error}`);
  }
  expect(results.filter((line) => line.startsWith("✗"))).toEqual([]);
  expect(counts()).toEqual(before);
});

test("a page on another port of the same host can neither start a retrain nor import a customer under the administrator's name", async ({ page }) => {
  await signIn(page, "ADMIN");
  const before = counts();
  // The attacker's page: a no-cors fetch to start a retrain, then a text/plain form whose one field reads as a CSV.
  const attack = `<!doctype html><form id="f" method="POST" enctype="text/plain" action="${E2E_BASE_URL}/api/import?kind=customers&fileName=evil.csv">
    <input type="hidden" name="ID;Income&#10;9999999;1&#10;x" value="y"></form>
    <script>fetch("${E2E_BASE_URL}/api/runs", { method: "POST", mode: "no-cors", credentials: "include" }).finally(() => document.getElementById("f").submit());</script>`;
  await page.route(`${OTHER_ORIGIN}/attack.html`, (route) => route.fulfill({ contentType: "text/html", body: attack }));
  const retrain = page.waitForRequest((request) => request.url() === `${E2E_BASE_URL}/api/runs`, { timeout: 30_000 });
  const imported = page.waitForResponse((response) => response.url().startsWith(`${E2E_BASE_URL}/api/import`), { timeout: 30_000 });
  await page.goto(`${OTHER_ORIGIN}/attack.html`);

  const importResponse = await imported;
  expect((await importResponse.request().allHeaders())["origin"]).toBe(OTHER_ORIGIN);
  expect(importResponse.status()).toBe(403);
  const retrainRequest = await retrain;
  expect((await retrainRequest.allHeaders())["origin"]).toBe(OTHER_ORIGIN);
  // Chromium's opaque-response blocking may withhold a no-cors JSON answer even from Playwright; the run count below still tells.
  const retrainResponse = await retrainRequest.response();
  if (retrainResponse) expect(retrainResponse.status()).toBe(403);
  await expect(page.locator("body")).toContainText(`Refused: the request comes from ${OTHER_ORIGIN}`);
  expect(counts()).toEqual(before);
});

test("the import endpoint takes text/csv only: text/plain and multipart get 415 even from the app's own origin", async ({ page }) => {
  const admin = await signedIn(page, "ADMIN");
  const url = "/api/import?kind=customers&fileName=x.csv&dryRun=1";
  const data = "ID;Income\n1;100\n";
  for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json"]) {
    const response = await admin.post(url, { data, headers: { "content-type": contentType, origin: E2E_BASE_URL } });
    expect(response.status(), contentType).toBe(415);
    expect((await response.json()).error).toContain("Content-Type: text/csv");
  }
  const preview = await admin.post(url, { data, headers: { "content-type": "text/csv; charset=utf-8", origin: E2E_BASE_URL } });
  expect(preview.status()).toBe(200);
  expect((await preview.json()).batchId).toBeNull();
});

/** As the report typed them into the address bar: a backslash, and an encoded tab, before a second slash. */
const REDIRECT_PAYLOADS = ["/\\evil.example/phish", "/%09/evil.example/phish"];

test("a callbackUrl to another site lands on the app: after the sign-in form, and as a redirect for a signed-in user", async ({ page }) => {
  await page.route("http://evil.example/**", (route) => route.fulfill({ contentType: "text/html", body: "<h1>phished</h1>" }));
  const user = E2E_USERS.ADMIN;
  const signInVia = async (callbackUrl: string) => {
    await page.context().clearCookies();
    await page.goto(`/signin?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toContainText(user.email);
  };

  for (const payload of REDIRECT_PAYLOADS) {
    await signInVia(payload);
    expect(new URL(page.url()).origin, payload).toBe(E2E_BASE_URL);
  }
  await signInVia(encodeURIComponent("/admin/audit?from=signin"));
  expect(page.url()).toBe(`${E2E_BASE_URL}/admin/audit?from=signin`);

  for (const payload of REDIRECT_PAYLOADS) {
    const response = await page.request.get(`/signin?callbackUrl=${payload}`, { maxRedirects: 0 });
    expect(response.status(), payload).toBe(307);
    expect(new URL(response.headers()["location"], E2E_BASE_URL).origin, payload).toBe(E2E_BASE_URL);
    await page.goto(`/signin?callbackUrl=${payload}`);
    await expect(page.getByTestId("current-user")).toContainText(user.email);
    expect(new URL(page.url()).origin, payload).toBe(E2E_BASE_URL);
  }
});

test.describe("the Content-Security-Policy", () => {
  test.beforeAll(async () => {
    test.setTimeout(TRAINING_TIMEOUT_MS + 60_000);
    await ensureTrainedRun();
  });

  test("pages carry a fresh script nonce and no 'unsafe-inline' for scripts, and still render, hydrate and draw charts with no violation", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(message.text());
    });
    page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)),
    );

    const nonces: string[] = [];
    for (const path of ["/signin", "/signin"]) {
      const response = (await page.goto(path))!;
      nonces.push(expectNoncePolicy(response.headers(), await response.text()));
      expect(response.headers()["permissions-policy"]).toContain("camera=()");
      expect(response.headers()["permissions-policy"]).toContain("geolocation=()");
      expect(response.headers()["x-frame-options"]).toBe("DENY");
      expect(response.headers()["strict-transport-security"]).toBeUndefined();
    }
    expect(nonces[0]).not.toBe(nonces[1]);

    // The form signs in by script: it works only if the page hydrated.
    await signIn(page, "VIEWER");
    for (const path of ["/segments", "/customers", "/campaigns", "/no-such-page"]) {
      const response = (await page.goto(path))!;
      expectNoncePolicy(response.headers(), await response.text());
    }
    await page.goto("/segments");
    await expect(page.getByTestId("elbow-chart").locator(".recharts-line-curve").first()).toBeAttached();
    await expect(page.getByTestId("projection-2d").locator(".recharts-scatter-symbol circle").first()).toBeAttached();
    await page.screenshot({ path: `${ARTIFACTS}/csp-segments.png`, fullPage: true });
    // A client-side navigation loads the next page's chunks under the same policy.
    await page.getByRole("link", { name: "Customers" }).first().click();
    await expect(page).toHaveURL(/\/customers/);
    await page.waitForLoadState("networkidle");

    const api = await page.request.get("/api/v1/openapi.json");
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(violations).toEqual([]);
  });

  test("served over https (an https NEXTAUTH_URL), pages also send Strict-Transport-Security", async () => {
    const server = await startServer({ databaseUrl: E2E_DATABASE_URL, build: false, env: { NEXTAUTH_URL: "https://segments.example.com" } });
    try {
      const response = await fetch(`${server.base}/signin`);
      expect(response.status).toBe(200);
      expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    } finally {
      server.stop();
    }
  });
});

/** Checks the policy and that every script in the HTML carries its nonce; returns the nonce. */
function expectNoncePolicy(headers: Record<string, string>, html: string): string {
  const policy = headers["content-security-policy"] ?? "";
  const scriptSrc =
    policy
      .split(";")
      .map((part) => part.trim())
      .find((part) => part.startsWith("script-src ")) ?? "";
  expect(scriptSrc).not.toContain("unsafe-inline");
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
  expect(nonce, policy).toBeTruthy();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  return nonce!;
}
