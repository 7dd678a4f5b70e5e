import { openApiDocument } from "@/lib/api/v1/openapi";

/** Public: the document describes the API, it grants nothing. */
export function GET(): Response {
  return Response.json(openApiDocument());
}
