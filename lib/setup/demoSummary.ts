/**
 * The block `npm run demo` prints last, once the server answers: where the app is, who signs
 * in with what, and where the API token is kept. Plain data in, lines out.
 */
export interface DemoSummary {
  url: string;
  adminEmail: string;
  /** The administrator's password as it may be told now. */
  password: { kind: "generated"; value: string } | { kind: "fromEnv" } | { kind: "earlier" };
  tokenCreated: boolean;
  /** Where the build's and the server's output went, if not to the terminal. */
  logs: string[];
}

/** Lines of at most 76 characters (but a long password or address), so the box fits 80 columns. */
export function formatSummaryLines(summary: DemoSummary): string[] {
  return [
    `Open        ${summary.url}`,
    `Sign in as  ${summary.adminEmail}`,
    `Password    ${describePassword(summary.password)}`,
    `API token   DEMO_API_TOKEN in .env, scope ANALYST (${summary.tokenCreated ? "new" : "kept from the last start"})`,
    ...(summary.logs.length ? [`Logs        ${summary.logs.join(", ")}`] : []),
    "Stop with Ctrl-C; npm run reset-data -- --yes removes the demo data.",
  ];
}

function describePassword(password: DemoSummary["password"]): string {
  if (password.kind === "generated") return `${password.value}  (shown only this once: note it now)`;
  if (password.kind === "fromEnv") return "the one in ADMIN_PASSWORD";
  return "as shown on the first start (lost it? npm run admin-password)";
}

/** Draws a box around the lines, padded to the longest. */
export function framed(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const rule = "─".repeat(width + 2);
  return [`┌${rule}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${rule}┘`].join("\n");
}
