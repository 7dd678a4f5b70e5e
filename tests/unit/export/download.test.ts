import { describe, expect, test } from "vitest";
import { csvResponse, csvStream } from "@/lib/export/stream";
import { csvDownloadOf } from "@/lib/http/csvDownload";

async function* pages(): AsyncGenerator<string> {
  yield "1,Straße\r\n";
}

async function bytesOf(response: Response): Promise<number[]> {
  return [...new Uint8Array(await response.arrayBuffer())];
}

describe("CSV downloads", () => {
  test("the byte-order mark EF BB BF starts the file only when asked for", async () => {
    const withBom = await bytesOf(csvResponse(csvStream(["id", "name"], pages()), "x.csv", { bom: true }));
    const without = await bytesOf(csvResponse(csvStream(["id", "name"], pages()), "x.csv"));
    const text = [...new TextEncoder().encode("id,name\r\n1,Straße\r\n")];
    expect(withBom).toEqual([0xef, 0xbb, 0xbf, ...text]);
    expect(without).toEqual(text);
  });

  test("the file name goes in the download header", () => {
    const response = csvResponse(csvStream(["id"], pages()), "segment-segment-b-run5-2026-12-02.csv");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="segment-segment-b-run5-2026-12-02.csv"; filename*=UTF-8''segment-segment-b-run5-2026-12-02.csv`,
    );
  });

  test.each([
    ["", { bom: false }],
    ["bom=0", { bom: false }],
    ["bom=", { bom: false }],
    ["bom=1", { bom: true }],
  ])("the query %j asks for %j", (query, expected) => {
    expect(csvDownloadOf(new URLSearchParams(query))).toEqual(expected);
  });

  test("any other bom value is refused with 400, naming the parameter", async () => {
    const refused = csvDownloadOf(new URLSearchParams("bom=yes"));
    expect(refused).toBeInstanceOf(Response);
    const response = refused as Response;
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "Check the download options: bom: bom is 1 (start with a byte-order mark, for Excel) or 0",
      details: [{ path: "query.bom", message: "bom is 1 (start with a byte-order mark, for Excel) or 0" }],
    });
  });
});
