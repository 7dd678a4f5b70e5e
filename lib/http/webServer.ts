/**
 * Route handlers served by node:http alone, without Next.js: the score server
 * (lib/cli/scoreServer.ts) answers the scoring API this way at about three times the
 * requests a second `next start` manages on the same core, whose own handling of a request
 * costs more than scoring it (docs/scaling.md). A handler gets what Next.js would give it:
 * the headers as sent, X-Forwarded-For set to the peer's address when the request has none,
 * and a body that is read only if the handler reads it. Every answer gets the fixed headers
 * next.config.mjs gives the API. Answers are buffered: the routes served here answer JSON.
 */
import http from "node:http";
import { apiHeaders, securityHeaders } from "./securityHeaders.mjs";
import { errorResponse, methodNotAllowed, refuse } from "./responses";

export type WebHandler = (req: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;

/** Handlers by exact path, then by method. */
export type WebRoutes = Record<string, Partial<Record<string, WebHandler>>>;

const FIXED_HEADERS = [...securityHeaders, ...apiHeaders];
const NO_PARAMS = { params: Promise.resolve({}) };

export function createWebServer(routes: WebRoutes): http.Server {
  return http.createServer((incoming, outgoing) => void answer(routes, incoming, outgoing));
}

async function answer(routes: WebRoutes, incoming: http.IncomingMessage, outgoing: http.ServerResponse): Promise<void> {
  let response: Response;
  try {
    response = await route(routes, incoming);
  } catch (error) {
    console.error(error);
    response = errorResponse(500, "The server could not answer this request; its log says why.");
  }
  try {
    await send(response, incoming, outgoing);
  } catch {
    // The client went away mid-answer: nobody is left to tell.
  }
}

function route(routes: WebRoutes, incoming: http.IncomingMessage): Promise<Response> | Response {
  const method = incoming.method ?? "GET";
  const url = URL.parse(incoming.url ?? "/", `http://${incoming.headers.host ?? "localhost"}`);
  if (!url) return refuse("invalid", `The request's address (${incoming.url}) or its Host header (${incoming.headers.host}) is not valid.`);
  const handlers = routes[url.pathname];
  if (!handlers) return refuse("not_found", `Nothing is served at ${url.pathname} here; this server answers ${Object.keys(routes).join(", ")}.`);
  const handler = handlers[method];
  if (!handler) return methodNotAllowed(method, Object.keys(handlers));
  return handler(toRequest(incoming, url, method), NO_PARAMS);
}

function toRequest(incoming: http.IncomingMessage, url: URL, method: string): Request {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  // As Next.js does, so clientAddress (TRUSTED_PROXIES) reads the same header from either server.
  if (!headers.has("x-forwarded-for") && incoming.socket.remoteAddress) headers.set("x-forwarded-for", incoming.socket.remoteAddress);
  const body = method === "GET" || method === "HEAD" ? undefined : bodyOf(incoming);
  return new Request(url, { method, headers, body, duplex: "half" } as RequestInit);
}

/** The request's body as a web stream that reads from the socket only when its reader asks. */
function bodyOf(incoming: http.IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      incoming.pause();
      incoming.on("data", (chunk: Buffer) => {
        controller.enqueue(chunk);
        if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
      });
      incoming.on("end", () => controller.close());
      incoming.on("error", (error) => controller.error(error));
    },
    pull() {
      incoming.resume();
    },
    cancel() {
      dropRest(incoming);
    },
  });
}

/**
 * Reads what is left of a body the handler did not read to the end (a 401, a 413) and drops
 * it, as Next.js does: the client may still be sending, and the connection then serves its
 * next request. Node's request timeout ends an upload that never stops.
 */
function dropRest(incoming: http.IncomingMessage): void {
  if (incoming.complete) return;
  incoming.removeAllListeners("data");
  incoming.resume();
}

async function send(response: Response, incoming: http.IncomingMessage, outgoing: http.ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  dropRest(incoming);
  outgoing.statusCode = response.status;
  response.headers.forEach((value, key) => outgoing.setHeader(key, value));
  for (const { key, value } of FIXED_HEADERS) if (!outgoing.hasHeader(key)) outgoing.setHeader(key, value);
  outgoing.setHeader("Content-Length", body.byteLength);
  outgoing.end(body);
}
