/**
 * The layer rules of eslint.config.mjs bite: each lints a made-up file in the layer's folder (it need not exist) and
 * must report the bad import with the layer's message and leave the good one alone.
 */
import { ESLint } from "eslint";
import { describe, expect, test } from "vitest";

const LAYER_RULE = "@typescript-eslint/no-restricted-imports";
const CLIENT_RULE = "layers/client-component-imports";

// The cycle check follows every import through the code base: slow, and no business of these tests.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { "imports/no-cycle": "off" } } });

async function messagesOf(rule: string, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.ruleId === rule).map((message) => message.message);
}

describe("layer rules", () => {
  test.each([
    ["lib/ml/bad.ts", 'import { db } from "@/lib/db/client";', "lib/ml is pure model code: it takes data as arguments"],
    ["lib/ml/clv/bad.ts", 'import { listRuns } from "../../db/runs";', "lib/ml is pure model code: it takes data as arguments"],
    ["lib/ml/bad.ts", 'import type { ScoreRow } from "@/lib/db/scoreRow";', "lib/ml is pure model code: it takes data as arguments"],
    ["lib/ml/bad.ts", 'import { scoreCustomers } from "@/lib/services/scoring";', "lib/ml is pure model code: it takes data as arguments"],
    ["lib/ml/bad.ts", 'import { NextResponse } from "next/server";', "lib/ml is pure model code: no Next.js."],
    ["lib/ml/bad.ts", 'import fs from "node:fs";', "lib/ml is pure model code: no file system"],
    ["lib/ml/bad.ts", 'import { readFile } from "fs/promises";', "lib/ml is pure model code: no file system"],
    ["lib/db/bad.ts", 'import { runRetrain } from "@/lib/services/retrain/runRetrain";', "lib/db is the bottom layer: it may not import lib/services"],
    ["lib/db/imports/bad.ts", 'import type { CustomerQuery } from "../../customers/query";', "lib/db is the bottom layer: it may not import lib/services"],
    ["lib/db/bad.ts", 'import type { CustomerQuery } from "../customers/query";', "lib/db is the bottom layer: it may not import lib/services"],
    ["lib/db/bad.ts", 'export type { TargetingAggregate } from "@/lib/campaign/targeting";', "lib/db is the bottom layer: it may not import lib/services"],
    [
      "lib/db/bad.ts",
      'import type { StoredRunCampaign } from "@/lib/dashboard/storedCampaign";',
      "lib/db is the bottom layer: it may not import lib/services, lib/customers, lib/campaign, lib/dashboard, lib/auth, lib/http or lib/actions",
    ],
    [
      "lib/db/bad.ts",
      'import type { Role } from "@/lib/auth/roles";',
      "lib/db is the bottom layer: it may not import lib/services, lib/customers, lib/campaign, lib/dashboard, lib/auth, lib/http or lib/actions",
    ],
    [
      "lib/db/bad.ts",
      'import { errorResponse } from "@/lib/http/responses";',
      "lib/db is the bottom layer: it may not import lib/services, lib/customers, lib/campaign, lib/dashboard, lib/auth, lib/http or lib/actions",
    ],
    [
      "lib/db/scores/bad.ts",
      'import type { ActionState } from "../../actions/authorizedAction";',
      "lib/db is the bottom layer: it may not import lib/services, lib/customers, lib/campaign, lib/dashboard, lib/auth, lib/http or lib/actions",
    ],
    ["lib/db/bad.ts", 'import { NavBar } from "@/app/ui/NavBar";', "lib/db is the bottom layer: it may not import app/."],
    ["lib/services/bad.ts", 'import { NavBar } from "@/app/ui/NavBar";', "lib/services may not import app/ or jobs/"],
    ["lib/services/retrain/bad.ts", 'import { main } from "../../../jobs/retrain";', "lib/services may not import app/ or jobs/"],
    ["lib/services/bad.ts", 'import type { ScoreResult } from "@/lib/api/v1/schemas";', "lib/services may not import lib/api"],
  ])("%s: %s is reported", async (filePath, code, message) => {
    expect(await messagesOf(LAYER_RULE, filePath, code)).toEqual([expect.stringContaining(message)]);
  });

  test.each([
    ["lib/ml/bad.ts", 'import { createRng } from "@/lib/ml/random";'],
    ["lib/ml/segmentation/bad.ts", 'import { createRng } from "../random";'],
    ["lib/ml/bad.ts", 'import { nextRandom } from "nextish";'],
    ["lib/db/bad.ts", 'import { db } from "./client";'],
    ["lib/db/bad.ts", 'import { countTotals } from "./customers";'],
    ["lib/db/bad.ts", 'import { UNSET_MONEY_FORMAT } from "@/lib/text/numberFormat";'],
    // lib/db/customers, a folder of the data layer, not lib/customers: the rule is set per folder depth.
    ["lib/db/imports/bad.ts", 'import { countTotals } from "../customers/totals";'],
    ["lib/ml/clv/bad.ts", 'import { fit } from "../db/fit";'],
    ["lib/services/bad.ts", 'import { listRuns } from "@/lib/db/runs";'],
    ["lib/services/retrain/bad.ts", 'import { runModels } from "../runModels";'],
    ["lib/dashboard/bad.ts", 'import { db } from "@/lib/db/client";'],
  ])("%s: %s is allowed", async (filePath, code) => {
    expect(await messagesOf(LAYER_RULE, filePath, code)).toEqual([]);
  });
});

describe("client components", () => {
  const CLIENT_MESSAGE = "A client component may import only types from lib/db";

  test.each([
    ['"use client";\nimport { db } from "@/lib/db/client";'],
    ['"use client";\nimport { listRuns, type RunRow } from "@/lib/db/runs";'],
    ["'use client';\nimport { listRuns } from \"../../lib/db/runs\";"],
  ])("a value import from lib/db is reported: %s", async (code) => {
    expect(await messagesOf(CLIENT_RULE, "app/ui/Bad.tsx", code)).toEqual([expect.stringContaining(CLIENT_MESSAGE)]);
  });

  test.each([
    ['"use client";\nimport type { RunRow } from "@/lib/db/runs";'],
    ['"use client";\nimport { type RunRow } from "@/lib/db/runs";'],
    // A server component may read through lib/db.
    ['import { listRuns } from "@/lib/db/runs";'],
  ])("is allowed: %s", async (code) => {
    expect(await messagesOf(CLIENT_RULE, "app/ui/Bad.tsx", code)).toEqual([]);
  });
});
