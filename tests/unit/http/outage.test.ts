/** The outage branch both route wrappers share: a database that is not there is a 503 to retry, a bug stays a bug. */
import { describe, expect, test } from "vitest";
import { answeringOutage, OUTAGE_MESSAGE } from "@/lib/http/outage";

function prismaError(name: string, code?: string): Error {
  return Object.assign(new Error("database trouble"), { name, code });
}

describe("answeringOutage", () => {
  test.each([
    ["a client that never connected", prismaError("PrismaClientInitializationError")],
    ["an unreachable server (P1001)", prismaError("PrismaClientKnownRequestError", "P1001")],
    ["a connection cut mid-query", new Error("Connection terminated unexpectedly")],
  ])("%s answers 503 in the one error shape with Retry-After", async (_what, error) => {
    const response = await answeringOutage(() => Promise.reject(error));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: OUTAGE_MESSAGE, details: [] });
  });

  test("any other error goes on up, and an answer passes through untouched", async () => {
    await expect(answeringOutage(() => Promise.reject(prismaError("PrismaClientKnownRequestError", "P2002")))).rejects.toThrow("database trouble");
    const ok = await answeringOutage(async () => Response.json({ fine: true }, { status: 201 }));
    expect(ok.status).toBe(201);
  });
});
