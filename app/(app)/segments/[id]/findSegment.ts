import "server-only";
import { cache } from "react";
import { getActiveSegment } from "@/lib/db/dashboard";

/** The active run's persona at /segments/<key>, read once per request by the layout's 404 check and the page. */
export const findSegment = cache(async (segment: string) => (/^\d{1,9}$/.test(segment) ? getActiveSegment(Number(segment)) : null));
