import "server-only";
import { cache } from "react";
import { getRun } from "@/lib/db/runs";

/** The run at /admin/runs/<id>, read once per request by the layout's 404 check and the page. */
export const findRun = cache(async (segment: string) => (/^\d{1,15}$/.test(segment) && Number(segment) > 0 ? getRun(Number(segment)) : null));
