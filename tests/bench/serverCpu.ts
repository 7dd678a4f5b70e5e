/**
 * CPU time a local PostgreSQL server spends on one database: its backends and their parallel
 * workers, read from /proc every 50 ms (a worker that ends between two reads loses at most its
 * last 50 ms). On a shared machine the wall time says as much about the neighbours; this does not.
 * Reads nothing (returns null) when the server is not on this machine.
 */
import fs from "node:fs";

const TICKS_PER_SECOND = 100;

export function meterServerCpu(database: string): { stop(): number | null } {
  const last = new Map<number, number>();
  const ours = new Set<number>();
  const seen = new Set<number>();
  const read = () => {
    for (const entry of fs.readdirSync("/proc")) {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) continue;
      if (!seen.has(pid)) {
        seen.add(pid);
        const command = safeRead(`/proc/${pid}/cmdline`).replace(/\0/g, " ");
        const worker = /^postgres: .*parallel worker for PID (\d+)/.exec(command);
        if (command.startsWith("postgres: ") && (command.includes(` ${database} `) || (worker && ours.has(Number(worker[1]))))) ours.add(pid);
      }
      if (!ours.has(pid)) continue;
      const stat = safeRead(`/proc/${pid}/stat`);
      if (!stat) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      last.set(pid, Number(fields[11]) + Number(fields[12]));
    }
  };
  if (!fs.existsSync("/proc/self/stat")) return { stop: () => null };
  read();
  const before = new Map(last);
  const timer = setInterval(read, 50);
  return {
    stop() {
      clearInterval(timer);
      read();
      if (ours.size === 0) return null;
      let ticks = 0;
      for (const [pid, total] of last) ticks += total - (before.get(pid) ?? 0);
      return ticks / TICKS_PER_SECOND;
    },
  };
}

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
