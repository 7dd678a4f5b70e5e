/** Reads a JSON request body up to a size limit, without trusting Content-Length alone. */
import { abandonableBody } from "./requestBody";

export class BodyError extends Error {
  constructor(
    readonly code: "invalid" | "too_large",
    message: string,
  ) {
    super(message);
  }
}

export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw new BodyError("too_large", `the body is ${declared} bytes; the limit is ${maxBytes}`);
  if (!req.body) throw new BodyError("invalid", "the body is empty; send JSON");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of abandonableBody(req.body) as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new BodyError("too_large", `the body is over the limit of ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BodyError("invalid", `the body is not valid JSON (${(error as Error).message})`);
  }
}
