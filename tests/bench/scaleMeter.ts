/**
 * Runs one bench:scale stage and measures it: wall time, peak resident memory (worker threads
 * included, since they share the process), the machine's busy share from /proc/stat and the CPU
 * this process used.
 */
import fs from "node:fs";
import os from "node:os";
import type { StageResult } from "./scaleTargets";

export async function meter(name: string, rows: number, unit: string, run: () => Promise<unknown>): Promise<StageResult> {
  const highWaterBefore = highWaterRss();
  let peakRssBytes = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss())), 100);
  const cpuBefore = readMachineCpu();
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  try {
    await run();
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
  // Samples only land between synchronous stretches (a run summary takes seconds): where the
  // process's high-water mark rose during the stage, that mark is the stage's peak, exactly.
  const highWaterAfter = highWaterRss();
  if (highWaterAfter > highWaterBefore) peakRssBytes = Math.max(peakRssBytes, highWaterAfter);
  const cpuAfter = readMachineCpu();
  const own = process.cpuUsage(ownBefore);
  const total = cpuAfter.total - cpuBefore.total;
  return {
    name,
    seconds,
    rows,
    unit,
    peakRssBytes,
    machineBusy: total > 0 ? (cpuAfter.busy - cpuBefore.busy) / total : 0,
    ownCores: (own.user + own.system) / 1e6 / seconds,
    loadAverage: os.loadavg()[0]!,
  };
}

/** Jiffies of all cores since boot: busy is everything but idle and iowait. */
function readMachineCpu(): { busy: number; total: number } {
  const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** The most resident memory the process has had so far (getrusage's ru_maxrss, in KiB). */
function highWaterRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}
