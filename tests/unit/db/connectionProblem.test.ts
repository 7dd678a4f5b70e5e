import { describe, expect, test } from "vitest";
import { describeConnectionProblem } from "@/lib/db/internal/connectionProblem";

const URL_OF = "postgresql://user:secret@db.example:6543/segment_studio";

describe("describeConnectionProblem", () => {
  test.each(["3D000", "P1003"])("a missing database (%s) names it, its server and how to create it, without the password", (code) => {
    const line = describeConnectionProblem(Object.assign(new Error("boom"), { code }), URL_OF);
    expect(line).toBe(
      `database "segment_studio" does not exist on db.example:6543: create it with createdb segment_studio (or psql -c 'CREATE DATABASE segment_studio')`,
    );
  });

  test("a server that does not answer names host and the default port", () => {
    const line = describeConnectionProblem(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }), "postgresql://127.0.0.1/app");
    expect(line).toBe("no PostgreSQL server answers on 127.0.0.1:5432: start it, or set DATABASE_URL to the one you use");
  });

  test.each([new Error("no code"), Object.assign(new Error("syntax"), { code: "42601" }), null])("any other error is left to the caller (%s)", (error) => {
    expect(describeConnectionProblem(error, URL_OF)).toBeNull();
  });
});
