/** Training progress: one redrawn line on a terminal, a line a quarter otherwise. */
import { describe, expect, test } from "vitest";
import { renderBar, startProgress } from "@/lib/cli/progressBar";

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { out: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe("progress", () => {
  test.each([
    [0, "[----------]   0%"],
    [0.456, "[#####-----]  45%"],
    [1, "[##########] 100%"],
    [1.7, "[##########] 100%"],
  ])("a share of %d draws %s", (share, bar) => {
    expect(renderBar(share, 10)).toBe(bar);
  });

  test("without a terminal, the start and the quarters crossed are written, each once", () => {
    const { out, written } = recorder(false);
    const progress = startProgress("Training", out, () => 0);
    for (const [stage, share] of [
      ["a", 0.1],
      ["b", 0.3],
      ["b", 0.35],
      ["c", 0.8],
      ["d", 0.9],
    ] as const)
      progress.update(stage, share);
    progress.finish("Run 1 succeeded");
    expect(written).toEqual(["Training: 0% (a, 0 s)\n", "Training: 25% (b, 0 s)\n", "Training: 75% (c, 0 s)\n", "Run 1 succeeded (0 s)\n"]);
  });

  test("on a terminal each update redraws the same line", () => {
    const { out, written } = recorder(true);
    const progress = startProgress("Training", out, () => 0);
    progress.update("kmeans", 0.5);
    progress.finish("done");
    expect(written).toEqual([`\r\x1b[2KTraining ${renderBar(0.5)} kmeans (0 s)`, "\r\x1b[2Kdone (0 s)\n"]);
  });
});
