// GET /api/v1/openapi.json – the v1 API's OpenAPI document; public: it describes the API and grants nothing.
import { openApiDocument } from "@/lib/api/v1/openapi";

export function GET(): Response {
  return Response.json(openApiDocument());
}
