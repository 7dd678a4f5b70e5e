/** Every route handler file opens with one line saying what it does and who may call it (house style). */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === "route.ts" ? [full] : [];
  });
}

test("every route.ts under app/api opens with `// METHOD /path – what; who`, on one line", () => {
  const files = routeFiles(path.resolve("app/api"));
  expect(files.length).toBeGreaterThanOrEqual(15);
  const lacking = files.filter((file) => {
    const [first, second] = fs.readFileSync(file, "utf8").split("\n");
    return !/^\/\/ (GET|POST|PUT|PATCH|DELETE)(\|[A-Z]+)* \/api\/\S+ – .+; .+$/.test(first) || second.startsWith("//");
  });
  expect(lacking.map((file) => path.relative(process.cwd(), file))).toEqual([]);
});
