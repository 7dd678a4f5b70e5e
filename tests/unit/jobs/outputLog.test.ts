import { describe, expect, test } from "vitest";
import { OutputLog } from "@/jobs/outputLog";

describe("a job's output log", () => {
  test("a short log is kept whole, however it was chunked", () => {
    const log = new OutputLog(10, 20);
    for (const chunk of ["ab", "cdefgh", "ij", "klm\n"]) log.append(chunk);
    expect(log.text()).toBe("abcdefghijklm\n");
  });

  test("a long log keeps its head and its tail and says how much was cut", () => {
    const log = new OutputLog(4, 6);
    log.append("HEAD");
    log.append("0123456789");
    log.append("tail\n");
    // 19 characters: 4 in the head, the last 6 in the tail, 9 cut.
    expect(log.text()).toBe("HEAD\n… 9 characters cut …\n9tail\n");
  });

  test("the last lines are those of the tail, where a crash's stack ends", () => {
    const log = new OutputLog(8, 64);
    log.append("started\nstage a\nstage b\nError: boom\n    at train\n");
    expect(log.lastLines(2)).toBe("Error: boom\n    at train");
  });
});
