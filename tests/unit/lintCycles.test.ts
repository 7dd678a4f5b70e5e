/**
 * The cycle rule of eslint.config.mjs (import/no-cycle handed the options without their globals) still finds a cycle:
 * it follows real files, so each case writes its modules into a folder of its own under the project's tmp/.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, test } from "vitest";

const RULE = "imports/no-cycle";
// tmp/ is ignored by the lint, so these files are linted with the ignores off.
const eslint = new ESLint({ cwd: process.cwd(), ignore: false });
const folders: string[] = [];

async function cycleMessages(modules: Record<string, string>): Promise<Record<string, string[]>> {
  await mkdir(path.join(process.cwd(), "tmp"), { recursive: true });
  const folder = await mkdtemp(path.join(process.cwd(), "tmp", "lint-cycles-"));
  folders.push(folder);
  const files = Object.keys(modules).map((name) => path.join(folder, name));
  await Promise.all(files.map((file, i) => writeFile(file, Object.values(modules)[i])));
  const results = await eslint.lintFiles(files);
  return Object.fromEntries(
    results.map((result) => [path.basename(result.filePath), result.messages.filter((message) => message.ruleId === RULE).map((message) => message.message)]),
  );
}

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe("the cycle rule", () => {
  test("two modules that import values from each other are both reported", async () => {
    const messages = await cycleMessages({
      "a.ts": 'import { b } from "./b";\nexport const a = () => b() + 1;\n',
      "b.ts": 'import { a } from "./a";\nexport const b = () => 2;\nexport const twice = () => a() * 2;\n',
    });
    expect(messages).toEqual({ "a.ts": ["Dependency cycle detected."], "b.ts": ["Dependency cycle detected."] });
  });

  test("a cycle through three modules is reported where it closes", async () => {
    const messages = await cycleMessages({
      "a.ts": 'import { b } from "./b";\nexport const a = () => b();\n',
      "b.ts": 'import { c } from "./c";\nexport const b = () => c();\n',
      "c.ts": 'import { a } from "./a";\nexport const c = () => 3;\nexport const again = () => a();\n',
    });
    expect(messages).toEqual({ "a.ts": ["Dependency cycle via ./c:1"], "b.ts": ["Dependency cycle via ./a:1"], "c.ts": ["Dependency cycle via ./b:1"] });
  });

  test("a type-only import back is not a cycle", async () => {
    const messages = await cycleMessages({
      "a.ts": 'import { b } from "./b";\nexport type A = { value: number };\nexport const a = () => b();\n',
      "b.ts": 'import type { A } from "./a";\nexport const b = (): A => ({ value: 2 });\n',
    });
    expect(messages).toEqual({ "a.ts": [], "b.ts": [] });
  });
});
