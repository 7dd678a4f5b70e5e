/**
 * `npm run score-server [-- --port 3001] [--host 0.0.0.0]` — the scoring API (POST
 * /api/v1/score) in a process of its own, served without Next.js (lib/http/webServer.ts).
 * Run it beside `npm start` with the same .env and database, and have the reverse proxy send
 * /api/v1/score to it: it answers about three times the requests a second of the web server
 * on the same core (docs/scaling.md). Tokens, rate limits and the active run are shared through
 * the database, as between two web servers. SCORE_SERVER_PORT sets the port when --port is not given.
 */
import { parseArgs } from "node:util";
import { readServedPort } from "@/lib/setup/envFile";

const DEFAULT_SCORE_PORT = 3001;
const SCORE_PATH = "/api/v1/score";

const { values } = parseArgs({ options: { port: { type: "string" }, host: { type: "string", default: "0.0.0.0" } } });
const { createWebServer } = await import("@/lib/http/webServer");
const { scoreRoute } = await import("@/lib/api/v1/scoreRoute");
const { loadActiveModels } = await import("@/lib/services/scoring");
// Read after the imports above, as lib/env.ts loads .env.
const port =
  values.port === undefined ? readServedPort(process.env.SCORE_SERVER_PORT, "SCORE_SERVER_PORT", DEFAULT_SCORE_PORT) : readServedPort(values.port, "--port");

// Loaded before listening: the first request should not wait for the models, and a database out of reach stops the start.
const run = await loadActiveModels();
const server = createWebServer({ [SCORE_PATH]: { POST: scoreRoute } });
server.on("error", (error) => {
  console.error(`The score server could not listen on ${values.host}:${port}: ${error.message}`);
  process.exit(1);
});
server.listen(port, values.host, () => {
  const models = run ? `run ${run.runId}'s models loaded` : "no active run yet: it answers 503 until one is promoted";
  console.log(`Score server ready on http://${values.host}:${port}${SCORE_PATH} (${models}).`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  });
}
