import "server-only";
import { cache } from "react";
import { getImportBatch } from "@/lib/db/imports";

/** The import at /admin/import/<id>, read once per request by the layout's 404 check and the page. */
export const findImport = cache(async (segment: string) => (/^\d{1,15}$/.test(segment) && Number(segment) > 0 ? getImportBatch(Number(segment)) : null));
