/** The options every CSV export reads from its query string: `bom=1` starts the file with a byte-order mark, for Excel. */
import { z } from "zod";
import type { CsvDownload } from "@/lib/export/stream";
import { invalidPart } from "./parseRequest";
import { optionalParam } from "@/lib/text/queryParam";

const csvDownloadQuery = z.object({
  bom: optionalParam(z.enum(["0", "1"], { message: "bom is 1 (start with a byte-order mark, for Excel) or 0" })),
});

/** The options, or a 400 saying which parameter is wrong. */
export function csvDownloadOf(params: URLSearchParams): CsvDownload | Response {
  const parsed = csvDownloadQuery.safeParse({ bom: params.get("bom") });
  if (!parsed.success) return invalidPart("query", parsed.error, "Check the download options");
  return { bom: parsed.data.bom === "1" };
}
