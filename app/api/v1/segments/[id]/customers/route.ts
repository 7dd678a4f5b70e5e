// GET /api/v1/segments/{id}/customers?cursor=&limit= – a segment's customers in the active run, a page at a time; an API token whose scope has exportData (any role).
import { z } from "zod";
import { pageQuery } from "@/lib/api/v1/schemas";
import { noActiveRun } from "@/lib/api/v1/respond";
import { getActiveRunId } from "@/lib/db/activeRun";
import { segmentCustomerPage } from "@/lib/db/scores/pages";
import { idParam, parseRequest } from "@/lib/http/parseRequest";
import { refuse } from "@/lib/http/responses";
import { withApiToken } from "@/lib/http/withApiToken";

const params = z.object({ id: idParam("segment id", 0) });

export const GET = withApiToken<{ id: string }>("exportData", async (req, { params: raw }) => {
  const request = await parseRequest(req, { params, query: pageQuery, leads: { params: "The segment id is not valid" } }, raw);
  if (request instanceof Response) return request;
  const { id } = request.params;
  const { cursor, limit } = request.query;
  const runId = await getActiveRunId();
  if (runId === null) return noActiveRun();
  const { rows, nextCursor } = await segmentCustomerPage(runId, id, cursor ?? -1, limit);
  if (!rows.length && cursor === undefined) return refuse("not_found", `The active run ${runId} has no segment ${id}.`);
  return Response.json({
    runId,
    segmentId: id,
    customers: rows.map((row) => ({
      externalId: row.externalId,
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
