/**
 * Progress of a long step: one line redrawn in place on a terminal, or a plain line at each
 * quarter when the output is a file or a pipe (so logs stay short).
 */
const BAR_WIDTH = 24;
const MILESTONES = [0.25, 0.5, 0.75];

export interface ProgressOutput {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  update(stage: string, share: number): void;
  finish(message: string): void;
}

export function renderBar(share: number, width = BAR_WIDTH): string {
  const clamped = Math.min(1, Math.max(0, share));
  const filled = Math.round(clamped * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.floor(clamped * 100)).padStart(3)}%`;
}

export function startProgress(label: string, out: ProgressOutput = process.stdout, now = () => Date.now()): Progress {
  const started = now();
  const elapsed = () => `${Math.round((now() - started) / 1000)} s`;
  let nextMilestone = 0;
  return {
    update(stage, share) {
      if (out.isTTY) {
        const line = `${label} ${renderBar(share)} ${stage} (${elapsed()})`;
        // A line longer than the terminal wraps, and \r would then redraw only its last part.
        out.write(`\r\x1b[2K${out.columns ? line.slice(0, out.columns - 1) : line}`);
        return;
      }
      let crossed = false;
      while (nextMilestone < MILESTONES.length && share >= MILESTONES[nextMilestone]) {
        nextMilestone += 1;
        crossed = true;
      }
      if (crossed) out.write(`${label} ${Math.round(MILESTONES[nextMilestone - 1] * 100)}%: ${stage} (${elapsed()})\n`);
    },
    finish(message) {
      out.write(`${out.isTTY ? "\r\x1b[2K" : ""}${message} (${elapsed()})\n`);
    },
  };
}
