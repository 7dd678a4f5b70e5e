/**
 * Progress of a long step: one line redrawn in place on a terminal, or a plain line at each
 * quarter (and at the start) when the output is a file or a pipe, so logs stay short.
 */
const BAR_WIDTH = 24;
const MILESTONES = [0, 0.25, 0.5, 0.75];

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
  let last = { stage: "", share: 0 };
  const redraw = () => {
    const line = `${label} ${renderBar(last.share)} ${last.stage} (${elapsed()})`;
    // A line longer than the terminal wraps, and \r would then redraw only its last part.
    out.write(`\r\x1b[2K${out.columns ? line.slice(0, out.columns - 1) : line}`);
  };
  // On a terminal the clock keeps moving through a long stage, so it is plain the run is alive.
  const ticker = out.isTTY ? setInterval(redraw, 1000).unref() : undefined;
  return {
    update(stage, share) {
      last = { stage, share };
      if (out.isTTY) return redraw();
      let crossed = false;
      while (nextMilestone < MILESTONES.length && share >= MILESTONES[nextMilestone]) {
        nextMilestone += 1;
        crossed = true;
      }
      if (crossed) out.write(`${label}: ${Math.round(MILESTONES[nextMilestone - 1] * 100)}% (${stage}, ${elapsed()})\n`);
    },
    finish(message) {
      clearInterval(ticker);
      out.write(`${out.isTTY ? "\r\x1b[2K" : ""}${message} (${elapsed()})\n`);
    },
  };
}
