import { z } from "zod";
import { pageQuery } from "@/lib/api/v1/schemas";
import { invalid, noActiveRun } from "@/lib/api/v1/respond";
import { getActiveRunId } from "@/lib/db/activeRun";
import { segmentCustomerPage } from "@/lib/db/scores/pages";
import { jsonError } from "@/lib/http/responses";
import { withApiToken } from "@/lib/http/withApiToken";

const segmentId = z.coerce.number().int().min(0);

export const GET = withApiToken<{ id: string }>("exportData", async (req, { params }) => {
  const id = segmentId.safeParse(params.id);
  if (!id.success) return invalid(id.error, "segment id");
  const query = pageQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return invalid(query.error, "query");
  const runId = await getActiveRunId();
  if (runId === null) return noActiveRun();
  const { rows, nextCursor } = await segmentCustomerPage(runId, id.data, query.data.cursor ?? -1, query.data.limit);
  if (!rows.length && query.data.cursor === undefined) return jsonError(404, `The active run ${runId} has no segment ${id.data}.`);
  return Response.json({
    runId,
    segmentId: id.data,
    customers: rows.map((row) => ({
      externalId: row.customer.externalId,
      responseProbability: row.responseProbability,
      responseNote: row.responseNote,
      clv: row.clv,
      clvSource: row.clvSource,
      clvNote: row.clvNote,
      pAlive: row.pAlive,
    })),
    nextCursor,
  });
});
