/**
 * For Playwright specs: makes sure the e2e database has an active run (tests/e2e/support/trainedRun.ts,
 * run with tsx like the server's own code) and returns what it holds, so a spec can assert the
 * numbers a page shows against the database. Training takes a minute or two on a busy machine.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { RunSummary } from "@/lib/runs/summary";
import { E2E_DATABASE_URL } from "./e2eDatabase";

export interface TrainedRunFacts {
  runId: number;
  previousRunId: number | null;
  summary: RunSummary;
  previousSummary: RunSummary | null;
  segments: { segmentKey: number; name: string; size: number; share: number }[];
}

export const TRAINING_TIMEOUT_MS = 8 * 60_000;

export async function ensureTrainedRun(): Promise<TrainedRunFacts> {
  const { stdout } = await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["--conditions", "react-server", "tests/e2e/support/trainedRun.ts"], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    maxBuffer: 64 * 1024 * 1024,
    timeout: TRAINING_TIMEOUT_MS,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as TrainedRunFacts;
}
