/** The demo's last block says where the app is and how to sign in, truthfully for each start. */
import { describe, expect, test } from "vitest";
import { randomPassword } from "@/lib/auth/password";
import { framed, formatSummaryLines, type DemoSummary } from "@/lib/setup/demoSummary";

const base: DemoSummary = {
  url: "http://localhost:3241",
  adminEmail: "admin@example.com",
  password: { kind: "earlier" },
  tokenCreated: false,
  logs: ["data/demo-build.log", "data/demo-server.log"],
};

describe("the demo's summary", () => {
  test("the first start shows the generated password, the real address and the logs", () => {
    const lines = formatSummaryLines({ ...base, password: { kind: "generated", value: "Xy7-secret" }, tokenCreated: true });
    expect(lines).toEqual([
      "Open        http://localhost:3241",
      "Sign in as  admin@example.com",
      "Password    Xy7-secret  (shown only this once: note it now)",
      "API token   DEMO_API_TOKEN in .env, scope ANALYST (new)",
      "Logs        data/demo-build.log, data/demo-server.log",
      "Stop with Ctrl-C; npm run reset-data -- --yes removes the demo data.",
    ]);
  });

  test("a later start does not claim to know the password, and says the token is the kept one", () => {
    const text = formatSummaryLines(base).join("\n");
    expect(text).toContain("Password    as shown on the first start (lost it? npm run admin-password)");
    expect(text).toContain("(kept from the last start)");
    expect(text).not.toContain("note it now");
  });

  test("a password from ADMIN_PASSWORD is not echoed", () => {
    expect(formatSummaryLines({ ...base, password: { kind: "fromEnv" } })[2]).toBe("Password    the one in ADMIN_PASSWORD");
  });

  test("with the output in the terminal (--verbose) there is no logs line", () => {
    expect(formatSummaryLines({ ...base, logs: [] }).some((line) => line.startsWith("Logs"))).toBe(false);
  });

  test.each<DemoSummary["password"]>([{ kind: "generated", value: randomPassword() }, { kind: "earlier" }, { kind: "fromEnv" }])(
    "the box fits an 80-column terminal ($kind password, port 65535)",
    (password) => {
      const box = framed(formatSummaryLines({ ...base, url: "http://localhost:65535", password }));
      for (const line of box.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    },
  );

  test("the frame pads every line to the longest", () => {
    expect(framed(["ab", "abcd"])).toBe(["┌──────┐", "│ ab   │", "│ abcd │", "└──────┘"].join("\n"));
  });
});
