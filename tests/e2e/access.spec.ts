/**
 * The access matrix: every page and route handler in app/ (found on disk, so a new one without
 * a rule in support/accessRules.ts fails here) against anonymous visitors, each role's session
 * and API tokens of each scope. Allowed means the check let the request through (any answer
 * but a redirect to sign-in, 401 or 403, and no server error; 503 counts as through: the v1
 * API's "no model active yet"); denied means 401 or 403 as the rule says.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { can, ROLES, type Role } from "@/lib/auth/roles";
import { PAGE_RULES, PUBLIC_FILES, ROUTE_RULES, samplePath } from "./support/accessRules";
import { runScript } from "./support/e2eDatabase";
import { signIn } from "./support/signIn";

const APP = path.resolve("app");

function filesNamed(name: string, dir = APP): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesNamed(name, full) : entry.name === name ? [full] : [];
  });
}

/** app/(app)/admin/runs/[id]/page.tsx → /admin/runs/[id] (route groups leave no trace in the URL). */
function routePath(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return "/" + segments.join("/");
}

const pages = filesNamed("page.tsx").map(routePath).sort();
const routes = filesNamed("route.ts")
  .flatMap((file) =>
    [...fs.readFileSync(file, "utf8").matchAll(/(?:export (?:const|async function|function) |\bas )(GET|POST|PUT|PATCH|DELETE)\b/g)].map(
      (match) => `${match[1]} ${routePath(file)}`,
    ),
  )
  .sort();

type Caller = { name: string; role: Role | null; kind: "anonymous" | "session" | "token" };
const CALLERS: Caller[] = [
  { name: "anonymous", role: null, kind: "anonymous" },
  ...ROLES.map((role) => ({ name: `${role} session`, role, kind: "session" as const })),
  ...ROLES.map((role) => ({ name: `${role} token`, role, kind: "token" as const })),
];

function makeToken(role: Role): string {
  return runScript("lib/cli/token.ts", ["create", "--name", `access matrix ${role}`, "--scope", role]).trim();
}

test("every page and route handler has an access rule, and every rule a page or route", () => {
  expect(pages).toEqual(Object.keys(PAGE_RULES).sort());
  expect(routes).toEqual(Object.keys(ROUTE_RULES).sort());
});

test("every file in public/ is listed, and anonymous visitors get each without a sign-in redirect", async ({ request }) => {
  expect(
    fs
      .readdirSync(path.resolve("public"))
      .map((name) => `/${name}`)
      .sort(),
  ).toEqual(Object.keys(PUBLIC_FILES).sort());
  for (const [file, type] of Object.entries(PUBLIC_FILES)) {
    const response = await request.get(file, { maxRedirects: 0 });
    expect(response.status(), file).toBe(200);
    expect(response.headers()["content-type"], file).toContain(type);
  }
  expect(await (await request.get("/robots.txt")).text()).toBe("User-agent: *\nDisallow: /\n");
  const signIn = await (await request.get("/signin")).text();
  expect(signIn).toMatch(/<link rel="icon" href="\/icon.svg" type="image\/svg\+xml"/);
});

test("every server action checks a permission through authorizedAction", () => {
  const actionFiles = [...filesNamed("actions.ts"), ...filesNamed("actions.tsx")].filter((file) => fs.readFileSync(file, "utf8").includes('"use server"'));
  expect(actionFiles.length).toBeGreaterThan(0);
  for (const file of actionFiles) {
    // What follows the name up to the first comma, so a wrapped call (Prettier) reads the same as one on a single line.
    const exported = [...fs.readFileSync(file, "utf8").matchAll(/^export (?:const|async function|function) (\w+)([^,]*,)/gm)];
    for (const [, name, rest] of exported) expect(`${name}${rest}`, path.relative(APP, file)).toMatch(/= authorizedAction\(\s*"\w+",/);
  }
});

/**
 * Server actions by role, for the one that destroys the most: "Remove all data". The action is
 * called the way the browser calls it (POST with a Next-Action header and React's reply encoding:
 * the FormData's fields prefixed "_1_" first, then the arguments as field "0", which refers to
 * that FormData as "$K1"; the server reads the fields before "0" only) with a wrong confirmation, so
 * the administrator is let through the permission check to the confirmation check and nothing
 * is removed. Everyone else must be refused by the permission check itself.
 */
const RESET_ACTION_EXPECTED: Record<"anonymous" | Role, string> = {
  anonymous: "refused",
  VIEWER: "Your role (VIEWER) may not do this.",
  EXECUTIVE: "Your role (EXECUTIVE) may not do this.",
  ANALYST: "Your role (ANALYST) may not do this.",
  ADMIN: "Type DELETE ALL DATA (in capitals) to confirm",
};

test("Remove all data: only administrators see the card, and the server action refuses every other role", async ({ browser, baseURL }) => {
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, "ADMIN");
  await adminPage.goto("/admin");
  const card = adminPage.getByTestId("reset-data-card");
  await expect(card.getByRole("button", { name: "Remove all data" })).toBeDisabled();
  await card.getByLabel("Type DELETE ALL DATA to confirm").fill("DELETE ALL DATA");
  await expect(card.getByRole("button", { name: "Remove all data" })).toBeEnabled();
  // React renders a server action's id into its form for progressive enhancement.
  const html = await (await adminContext.request.get("/admin")).text();
  const actionId = actionIdIn(html, "reset-data-card");
  expect(actionId, "the reset form's action id in the admin page's HTML").toBeTruthy();
  await adminContext.close();

  await expectActionRefusals({
    browser,
    baseURL: baseURL!,
    actionId: actionId!,
    card: "reset-data-card",
    shownTo: ["ADMIN"],
    field: ["_1_confirmation", "not the phrase"],
    expected: RESET_ACTION_EXPECTED,
  });
});

/**
 * The id of the first server action after a card in a page's HTML. A part of the card that
 * streamed later stands as `<template id="P:n">` where it belongs and arrives as `<div hidden
 * id="S:n">` further down, so the search follows it there.
 */
function actionIdIn(html: string, card: string): string | undefined {
  return actionIdFrom(html, html.indexOf(`data-testid="${card}"`));
}

function actionIdFrom(html: string, from: number): string | undefined {
  const next = /(?:&quot;id&quot;:&quot;|\$ACTION_ID_)([0-9a-f]+)|<template id="P:(\d+)">/.exec(html.slice(from));
  if (!next) return undefined;
  return next[1] ?? actionIdFrom(html, html.indexOf(`<div hidden id="S:${next[2]}">`));
}

/**
 * Calls a server action of the admin page as anonymous and as every role, the way the browser
 * does (see above), and checks each gets its expected answer; for the roles that open the admin
 * page, that its card shows to exactly `shownTo`.
 */
async function expectActionRefusals(options: {
  browser: Browser;
  baseURL: string;
  actionId: string;
  card: string;
  shownTo: Role[];
  field: [string, string];
  expected: Record<"anonymous" | Role, string>;
}): Promise<void> {
  const { browser, baseURL, actionId, card, shownTo, field, expected } = options;
  const results: string[] = [];
  for (const who of ["anonymous", ...ROLES] as const) {
    const context = await browser.newContext();
    if (who !== "anonymous") {
      const page = await context.newPage();
      await signIn(page, who);
      await page.goto("/admin");
      if (who !== "VIEWER" && who !== "EXECUTIVE") await expect(page.getByTestId(card)).toHaveCount(shownTo.includes(who) ? 1 : 0);
    }
    const reply = new FormData();
    reply.append(...field);
    reply.append("0", '[{"ok":true},"$K1"]');
    const response = await context.request.post("/admin", {
      headers: { "next-action": actionId, accept: "text/x-component", origin: baseURL },
      multipart: reply,
      maxRedirects: 0,
    });
    const text = await response.text();
    const refusedAnonymously = who === "anonymous" && ((response.status() >= 300 && response.status() < 400) || text.includes("Sign in first."));
    const ok = who === "anonymous" ? refusedAnonymously : text.includes(expected[who]);
    results.push(`${ok ? "✓" : "✗"} ${who}: expected ${expected[who]}, got ${response.status()} ${text.slice(0, 300)}`);
    await context.close();
  }
  expect(results.filter((line) => line.startsWith("✗"))).toEqual([]);
}

/**
 * "Custom attributes as features" is the analysts' own setting: the card is on the admin page
 * for analysts and administrators (its form is there even before any import has custom
 * columns), and the action refuses viewers and executives in its permission check. The others
 * are let through to the name check with a name no import has, so nothing is saved.
 */
const ATTRIBUTE_ACTION_EXPECTED: Record<"anonymous" | Role, string> = {
  anonymous: "refused",
  VIEWER: "Your role (VIEWER) may not do this.",
  EXECUTIVE: "Your role (EXECUTIVE) may not do this.",
  ANALYST: "is not a custom attribute of any import",
  ADMIN: "is not a custom attribute of any import",
};

test("Custom attributes as features: analysts and administrators see the card, and the server action refuses every other role", async ({
  browser,
  baseURL,
}) => {
  const analystContext = await browser.newContext();
  await signIn(await analystContext.newPage(), "ANALYST");
  const html = await (await analystContext.request.get("/admin")).text();
  const actionId = actionIdIn(html, "attribute-features-card");
  expect(actionId, "the attribute form's action id in the admin page's HTML").toBeTruthy();
  await analystContext.close();

  await expectActionRefusals({
    browser,
    baseURL: baseURL!,
    actionId: actionId!,
    card: "attribute-features-card",
    shownTo: ["ANALYST", "ADMIN"],
    field: ["_1_attribute", "No import has this column"],
    expected: ATTRIBUTE_ACTION_EXPECTED,
  });
});

const SEGMENT_ACTION_EXPECTED: Record<"anonymous" | Role, string> = {
  anonymous: "refused",
  VIEWER: "Your role (VIEWER) may not do this.",
  EXECUTIVE: "Your role (EXECUTIVE) may not do this.",
  ANALYST: "Your role (ANALYST) may not do this.",
  ADMIN: "Choose whether k is chosen or fixed",
};

test("Segments: only administrators see the card, and the server action refuses every other role and checks its input", async ({ browser, baseURL }) => {
  const adminContext = await browser.newContext();
  await signIn(await adminContext.newPage(), "ADMIN");
  const html = await (await adminContext.request.get("/admin")).text();
  const actionId = actionIdIn(html, "segment-settings-card");
  expect(actionId, "the segment settings form's action id in the admin page's HTML").toBeTruthy();
  await adminContext.close();

  await expectActionRefusals({
    browser,
    baseURL: baseURL!,
    actionId: actionId!,
    card: "segment-settings-card",
    shownTo: ["ADMIN"],
    field: ["_1_mode", "sometimes"],
    expected: SEGMENT_ACTION_EXPECTED,
  });
});

test("the matrix: pages, route handlers and the v1 API against anonymous visitors, every role and every token scope", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(5 * 60_000);
  const results: string[] = [];
  let checks = 0;
  const tokens = Object.fromEntries(ROLES.map((role) => [role, makeToken(role)])) as Record<Role, string>;

  for (const caller of CALLERS) {
    const context = await browser.newContext();
    if (caller.kind === "session") await signIn(await context.newPage(), caller.role!);
    const request: APIRequestContext =
      caller.kind === "token"
        ? await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${tokens[caller.role!]}` } })
        : context.request;

    for (const [pattern, rule] of Object.entries(PAGE_RULES)) {
      const response = await request.get(samplePath(pattern), { maxRedirects: 0 });
      const allowed = rule === "public" || (caller.kind === "session" && can(caller.role!, rule));
      // Pages go by the session: a token is no sign-in, so it meets the sign-in redirect.
      const expected = allowed ? "allowed" : caller.kind === "session" ? "403" : "to sign-in";
      checks++;
      results.push(verdict(`${caller.name} GET ${pattern}`, expected, response));
    }

    for (const [key, rule] of Object.entries(ROUTE_RULES)) {
      if (rule.auth === "next-auth") continue;
      const [method, pattern] = key.split(" ");
      const viaCaller = rule.auth === "public" || rule.auth === caller.kind;
      const allowed = rule.auth === "public" || (viaCaller && caller.role !== null && can(caller.role, rule.permission!));
      if (allowed && rule.skipAllowed) continue;
      const url = samplePath(pattern) + (rule.probe?.query ? `?${rule.probe.query}` : "");
      // From the app's own origin, as its pages send them: the cross-site check is security.spec.ts's.
      const headers = { "content-type": rule.probe?.contentType ?? "application/json", origin: baseURL! };
      const response = await request.fetch(url, { method, data: rule.probe?.body, headers, maxRedirects: 0 });
      const expected = allowed ? "allowed" : viaCaller ? "403" : "401";
      checks++;
      results.push(verdict(`${caller.name} ${key}`, expected, response));
    }
    await context.close();
  }

  const failures = results.filter((line) => line.startsWith("✗"));
  console.log(
    `access matrix: ${checks} checks (${pages.length} pages and ${routes.length} route methods × ${CALLERS.length} callers, less next-auth's own routes), ${failures.length} wrong`,
  );
  expect(failures).toEqual([]);
});

function verdict(what: string, expected: "allowed" | "401" | "403" | "to sign-in", response: APIResponse): string {
  const status = response.status();
  const location = response.headers()["location"] ?? "";
  const actual =
    status >= 500 && status !== 503
      ? `${status}`
      : status === 401 || status === 403
        ? `${status}`
        : status >= 300 && status < 400 && location.includes("/signin")
          ? "to sign-in"
          : "allowed";
  return `${actual === expected ? "✓" : "✗"} ${what}: expected ${expected}, got ${status}${location ? ` → ${location}` : ""}`;
}
