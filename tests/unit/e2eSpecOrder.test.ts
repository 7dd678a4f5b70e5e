/**
 * The e2e specs share one database and run one file at a time in name order: import.spec.ts
 * counts the customers its import creates and retrain.spec.ts trains the first run, so a spec
 * that trains its own (ensureTrainedRun imports 1,000 synthetic customers) must come after both.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

const DIR = path.resolve("tests/e2e");
const LAST_OF_THE_ORDERED = ["import.spec.ts", "retrain.spec.ts"];

test("every spec that trains a run on the shared database is named to run after the import and retrain specs", () => {
  const specs = fs.readdirSync(DIR).filter((name) => name.endsWith(".spec.ts"));
  for (const name of LAST_OF_THE_ORDERED) expect(specs).toContain(name);
  const training = specs.filter((name) => /\bensureTrainedRun\(/.test(fs.readFileSync(path.join(DIR, name), "utf8")));
  expect(training.length).toBeGreaterThan(0);
  const tooEarly = training.filter((name) => LAST_OF_THE_ORDERED.some((ordered) => name <= ordered));
  expect(tooEarly).toEqual([]);
});
