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
}

export function summaryLines(summary: DemoSummary): string[] {
  return [
    `Segment Studio is running at ${summary.url}`,
    `Sign in as ${summary.adminEmail}`,
    passwordLine(summary.password),
    `API token (scope ANALYST): DEMO_API_TOKEN in .env (${summary.tokenCreated ? "new" : "kept from the last start"})`,
    `  curl -H "Authorization: Bearer $(sed -n 's/^DEMO_API_TOKEN=//p' .env)" ${summary.url}/api/v1/segments`,
    "Remove the demo data: Admin → Remove all data, or npm run reset-data -- --yes",
    "Stop the server with Ctrl-C.",
  ];
}

function passwordLine(password: DemoSummary["password"]): string {
  if (password.kind === "generated") return `Password: ${password.value}   (shown only this once: note it now)`;
  if (password.kind === "fromEnv") return "Password: the one in ADMIN_PASSWORD";
  return "Password: the one shown on the first start (it is kept only as a hash and cannot be shown again)";
}

/** Draws a box around the lines, padded to the longest. */
export function framed(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const rule = "─".repeat(width + 2);
  return [`┌${rule}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${rule}┘`].join("\n");
}
