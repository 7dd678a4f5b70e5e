import fs from "node:fs";
import { describe, expect, test } from "vitest";

/** The models and enums of a schema, without the generator and datasource blocks. */
function modelsOf(provider: "sqlite" | "postgresql"): string {
  const text = fs.readFileSync(`prisma/${provider}/schema.prisma`, "utf8");
  const blocks = text.match(/^(model|enum) \w+ \{[\s\S]*?^\}/gm) ?? [];
  return blocks
    .map((block) =>
      block
        .replace(/\/\/\/.*$/gm, "")
        .replace(/[ \t]+/g, " ")
        .replace(/\n\s*\n/g, "\n")
        .trim(),
    )
    .join("\n\n");
}

describe("the two providers' schemas", () => {
  test("declare the same models and enums, field for field", () => {
    const sqlite = modelsOf("sqlite");
    expect(sqlite).toContain("model Customer {");
    expect(modelsOf("postgresql")).toBe(sqlite);
  });

  test("each has a migration history that creates every model", () => {
    for (const provider of ["sqlite", "postgresql"] as const) {
      const dir = `prisma/${provider}/migrations`;
      const sql = fs
        .readdirSync(dir)
        .filter((name) => fs.statSync(`${dir}/${name}`).isDirectory())
        .map((name) => fs.readFileSync(`${dir}/${name}/migration.sql`, "utf8"))
        .join("\n");
      for (const model of modelsOf(provider).matchAll(/^model (\w+)/gm)) {
        expect(sql, `${provider} migrations create ${model[1]}`).toContain(`CREATE TABLE "${model[1]}"`);
      }
    }
  });
});
