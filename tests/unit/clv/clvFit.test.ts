import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test, vi } from "vitest";
import { runClvFit } from "@/lib/cli/clvFit";
import { CDNOW_SUMMARY, CDNOW_WITH_SPEND } from "@/tests/support/readCdnow";

const directory = mkdtempSync(path.join(tmpdir(), "clv-fit-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(directory, name);
  writeFileSync(file, text);
  return file;
}

/** The CDNOW file with transactions rewritten: columns chosen, renamed, joined by a separator. */
function cdnowAs(name: string, headers: string[], keep: number[], separator: string): string {
  const rows = readFileSync(CDNOW_WITH_SPEND, "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(","));
  const lines = [headers.join(separator), ...rows.map((row) => keep.map((k) => row[k]).join(separator))];
  return write(name, lines.join("\r\n") + "\r\n");
}

async function run(file: string) {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    await runClvFit(["--summary", file]);
    return JSON.parse(log.mock.calls.map((call) => call.join(" ")).join("\n"));
  } finally {
    log.mockRestore();
  }
}

describe("clv-fit", () => {
  test("fits both models on the Fader–Hardie file (x, t_x, T, zbar)", async () => {
    const result = await run(CDNOW_WITH_SPEND);
    expect(Object.keys(result.bgnbd)).toEqual(["r", "alpha", "a", "b", "logLikelihood"]);
    expect(result.bgnbd.r).toBeCloseTo(0.2426, 4);
    expect(result.bgnbd.logLikelihood).toBeCloseTo(-9582.43, 2);
    expect(result.gammaGamma.n).toBe(946);
    expect(result.gammaGamma.p).toBeCloseTo(6.249, 3);
  });

  test("prints gammaGamma: null for the lifetimes-style file without a spend column", async () => {
    const result = await run(CDNOW_SUMMARY);
    expect(result.bgnbd.alpha).toBeCloseTo(4.4135, 4);
    expect(result.gammaGamma).toBeNull();
  });

  test.each([
    { name: "semicolons, lifetimes headers, no ID", headers: ["frequency", "recency", "T", "monetary_value"], keep: [1, 2, 3, 4], separator: ";" },
    { name: "tabs, ID last, reordered", headers: ["T", "t_x", "X", "zbar", "customer"], keep: [3, 2, 1, 4, 0], separator: "\t" },
  ])("reads $name to the same estimates", async ({ headers, keep, separator }) => {
    const reference = await run(CDNOW_WITH_SPEND);
    const result = await run(cdnowAs(`${headers.join("-")}.csv`, headers, keep, separator));
    expect(result).toEqual(reference);
  });

  test.each([
    { text: "id,x,t_x,T\n1,2,3,10\n2,1,abc,10\n", message: /line 3, column t_x: not a number: "abc"/ },
    { text: "id,x,t_x,T\n1,2,3,10\n\n2,0,1,10\n", message: /line 4, column t_x: recency must be 0 when frequency is 0/ },
    { text: "frequency;recency;T\n1;12;10\n", message: /line 2, column recency: recency must lie in \[0, T = 10\], got 12/ },
    { text: "frequency,recency,T\n1.5,2,10\n", message: /line 2, column frequency: frequency must be an integer/ },
    { text: "id,frequency,T\n1,2,10\n", message: /no recency column/ },
    { text: "x,t_x,T\n1,2\n", message: /Invalid Record Length.*line 2/ },
  ])("names the row and column of bad input: $message", async ({ text, message }) => {
    await expect(runClvFit(["--summary", write("bad.csv", text)])).rejects.toThrow(message);
  });

  test("requires --summary", async () => {
    await expect(runClvFit([])).rejects.toThrow(/--summary FILE is required/);
  });
});
