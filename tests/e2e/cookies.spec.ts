/**
 * The session cookie's flags, as the browser receives them: HttpOnly and SameSite=Lax always,
 * and Secure (with the __Secure- name prefix) when the app is served over HTTPS. Behind a
 * TLS-terminating proxy the app knows its scheme from NEXTAUTH_URL, so a second server is
 * started with an https NEXTAUTH_URL and its Set-Cookie header read directly. Signing out ends
 * the session on the server too: a copy of the cookie kept from before is refused.
 */
import { expect, test } from "@playwright/test";
import { signIn as signInByHand, startServer } from "@/tests/support/nextServer";
import { E2E_DATABASE_URL } from "./support/e2eDatabase";
import { signIn } from "./support/signIn";
import { E2E_USERS } from "./support/users";

test("over plain HTTP the session cookie is HttpOnly and SameSite=Lax, readable by no script", async ({ page }) => {
  await signIn(page, "VIEWER");
  const session = (await page.context().cookies()).find((cookie) => cookie.name === "next-auth.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

test("behind HTTPS the session cookie is also Secure, under the __Secure- prefix", async () => {
  const server = await startServer({ databaseUrl: E2E_DATABASE_URL, build: false, env: { NEXTAUTH_URL: "https://segments.example.com" } });
  try {
    const { setCookie } = await signInByHand(server.base, E2E_USERS.VIEWER);
    const [name, ...attributes] = setCookie.split(";").map((part) => part.trim());
    expect(name).toMatch(/^__Secure-next-auth\.session-token=/);
    expect(attributes.map((attribute) => attribute.toLowerCase())).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));
  } finally {
    server.stop();
  }
});

test("after signing out, a copy of the old session cookie gets 401 from an API route", async ({ page, playwright, baseURL }) => {
  await signIn(page, "ANALYST");
  const session = (await page.context().cookies()).find((cookie) => cookie.name === "next-auth.session-token")!;
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.session-token=${session.value}` } });
  try {
    expect((await replay.get("/api/runs/999999")).status()).toBe(404);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    expect((await replay.get("/api/runs/999999")).status()).toBe(401);
  } finally {
    await replay.dispose();
  }
});
