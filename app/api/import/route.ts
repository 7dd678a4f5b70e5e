// POST /api/import?kind=&fileName=&map=field=Header&dateFormat=&allowRejected=true&dryRun=1 – import (or preview) the text/csv request body; a session with importData (ANALYST+).
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { z } from "zod";
import { withPermission } from "@/lib/http/withPermission";
import { parseRequest } from "@/lib/http/parseRequest";
import { abandonableBody } from "@/lib/http/requestBody";
import { refuse } from "@/lib/http/responses";
import { env } from "@/lib/env";
import { importFile } from "@/lib/services/importFile";
import { importOptions } from "@/lib/services/importOptions";

export const runtime = "nodejs";
export const maxDuration = 1800;

const single = z.string().optional();

/** The query: the file's name and the import options the CLI takes too (importOptions), their issues kept under their own names. */
const importQuery = z
  .object({
    fileName: z.string().trim().min(1).max(255).default("upload.csv"),
    // Strict: a misspelt flag must not turn a preview into a real import.
    dryRun: z.enum(["0", "1"], { error: "dryRun is 1 (preview, nothing written) or 0" }).default("0"),
    kind: single,
    dateFormat: single,
    allowRejected: single,
    map: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .transform((query, ctx) => {
    const options = importOptions.safeParse({
      kind: query.kind,
      map: [query.map ?? []].flat(),
      allowRejected: query.allowRejected === "true",
      dateFormat: query.dateFormat,
      dryRun: query.dryRun === "1",
    });
    if (options.success) return { fileName: query.fileName, ...options.data };
    for (const issue of options.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    return z.NEVER;
  });

export const POST = withPermission("importData", async (req, { user }) => {
  // The upload page sends the file as text/csv. A cross-site HTML form can only send text/plain,
  // urlencoded or multipart, and a cross-site fetch of text/csv needs a CORS preflight the app never grants.
  const contentType = req.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (contentType !== "text/csv") {
    return refuse(
      "unsupported_media_type",
      `Send the file as the request body with Content-Type: text/csv${contentType ? `, not ${contentType.slice(0, 100)}` : ""}.`,
    );
  }
  // The body is the file itself: streamed to the importer, not parsed here.
  const request = await parseRequest(req, { query: importQuery, leads: { query: "Check the import options" } });
  if (request instanceof Response) return request;
  const { fileName, ...options } = request.query;

  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > env.IMPORT_MAX_BYTES) {
    return refuse("too_large", `The file is ${declared} bytes; the limit is ${env.IMPORT_MAX_BYTES} bytes.`, [
      { path: "body", message: "over the size limit" },
    ]);
  }
  if (!req.body) return refuse("invalid", "The request has no file in its body.", [{ path: "body", message: "empty" }]);

  const summary = await importFile({
    ...options,
    source: Readable.fromWeb(abandonableBody(req.body) as unknown as NodeReadableStream),
    fileName,
    userId: user.id,
  });
  if (summary.code) return refuse(summary.code, summary.error ?? "The file was refused.", [], summary);
  return Response.json(summary);
});
