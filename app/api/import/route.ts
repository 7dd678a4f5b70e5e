// POST /api/import?kind=customers|orders&fileName=…&map=field=Header&dateFormat=detect|dmy|mdy&allowRejected=true&dryRun=1
// – import the CSV sent as the request body (Content-Type: text/csv), or with dryRun=1 preview it (nothing kept); ANALYST and ADMIN only.
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { z } from "zod";
import { withPermission } from "@/lib/http/withPermission";
import { abandonableBody } from "@/lib/http/requestBody";
import { jsonError } from "@/lib/http/responses";
import { env } from "@/lib/env";
import { importFile } from "@/lib/services/importFile";
import { importOptions } from "@/lib/services/importOptions";
import { describeIssues } from "@/lib/http/issues";

export const runtime = "nodejs";
export const maxDuration = 1800;

const query = z.object({
  fileName: z.string().trim().min(1).max(255).default("upload.csv"),
  // Strict: a misspelt flag must not turn a preview into a real import.
  dryRun: z.enum(["0", "1"], { error: "dryRun is 1 (preview, nothing written) or 0" }).default("0"),
});

export const POST = withPermission("importData", async (req, { user }) => {
  // The upload page sends the file as text/csv. A cross-site HTML form can only send text/plain,
  // urlencoded or multipart, and a cross-site fetch of text/csv needs a CORS preflight the app never grants.
  const contentType = req.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (contentType !== "text/csv") return jsonError(415, `Send the file as the request body with Content-Type: text/csv${contentType ? `, not ${contentType.slice(0, 100)}` : ""}.`);
  const params = req.nextUrl.searchParams;
  const named = query.safeParse({ fileName: params.get("fileName") ?? undefined, dryRun: params.get("dryRun") ?? undefined });
  if (!named.success) return jsonError(400, describeIssues(named.error, "options"));
  const options = importOptions.safeParse({
    kind: params.get("kind") ?? undefined,
    map: params.getAll("map"),
    allowRejected: params.get("allowRejected") === "true",
    dateFormat: params.get("dateFormat") ?? undefined,
    dryRun: named.data.dryRun === "1",
  });
  if (!options.success) return jsonError(400, describeIssues(options.error, "options"));

  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > env.IMPORT_MAX_BYTES) {
    return jsonError(413, `The file is ${declared} bytes; the limit is ${env.IMPORT_MAX_BYTES} bytes.`);
  }
  if (!req.body) return jsonError(400, "The request has no file in its body.");

  const summary = await importFile({
    ...options.data,
    source: Readable.fromWeb(abandonableBody(req.body) as unknown as NodeReadableStream),
    fileName: named.data.fileName,
    userId: user.id,
  });
  const status = summary.status === "SUCCEEDED" ? 200 : summary.error?.includes("limit") ? 413 : 422;
  return Response.json(summary, { status });
});
