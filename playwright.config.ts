/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download its own browser here)
 * against the production build, on a throwaway SQLite database with known users.
 */
import { defineConfig } from "@playwright/test";

/** E2E_PORT lets two checkouts run their browser tests at once. */
const PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/e2e/.artifacts/results",
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: `tsx --conditions react-server tests/e2e/support/prepareDatabase.ts && next build && next start -p ${PORT}`,
    url: `${E2E_BASE_URL}/signin`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: "file:./data/e2e.db",
      NEXTAUTH_URL: E2E_BASE_URL,
      NEXTAUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnop",
      // Small, so tests/e2e/faults.spec.ts can fill it; the real file (220 KB) still fits.
      IMPORT_MAX_BYTES: "1000000",
      // The browser talks to the server directly; a test that plays a client behind a proxy sends X-Forwarded-For.
      TRUSTED_PROXIES: "127.0.0.1,::1",
      // No nightly retrain in the middle of a test run.
      RETRAIN_SCHEDULER: "off",
    },
  },
});
