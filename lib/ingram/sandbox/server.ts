import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, readCappedText } from "../../read-body.ts";
import type { IngramOperation } from "../ingram-operations.ts";
import { handleControl } from "./control.ts";
import type { SandboxContext } from "./context.ts";
import { deliver, write, writePreemptive } from "./deliver.ts";
import { PREEMPTIVE } from "./faults.ts";
import { checkHeaders, echoHeaders } from "./headers.ts";
import { SandboxClosedError } from "./lifecycle.ts";
import { runOperation } from "./operations.ts";
import { tooManyRequests } from "./rate-limit.ts";
import { empty, errorResponse, json } from "./responses.ts";
import { matchRoute } from "./routes.ts";
import { MAX_REQUEST_BODY_BYTES, type Reply } from "./sandbox-types.ts";

function recordedBody(op: IngramOperation, text: string): unknown {
  if (op === "token") {
    const params = new URLSearchParams(text);
    if (params.has("client_secret")) params.set("client_secret", "[redacted]");
    return params.toString();
  }
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v ?? "")]),
  );
}

/** The spec documents PUT's 401 (like its 404) with no body, unlike the gateway fault the other operations answer. */
function withoutPutAuthBody(op: IngramOperation, reply: Reply | undefined): Reply | undefined {
  if (!reply || reply.status !== 401 || (op !== "modify" && op !== "release")) return reply;
  return empty(401);
}

async function handleOperation(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? "GET";
  const route = matchRoute(method, url.pathname);
  if (route.kind === "notFound")
    return write(res, errorResponse(404, "/errors/not-found", `No resource at ${url.pathname}`));
  if (route.kind === "methodNotAllowed") {
    const reply = errorResponse(405, "/errors/method-not-allowed", `Method ${method} not allowed`);
    return write(res, { ...reply, headers: { ...reply.headers, allow: route.allow } });
  }
  const body = await readCappedText(req, MAX_REQUEST_BODY_BYTES);
  const op: IngramOperation =
    route.op === "modify" && url.searchParams.get("actionCode")?.toLowerCase() === "release" ? "release" : route.op;
  ctx.stats.record({
    op,
    method,
    path: url.pathname,
    query: [...url.searchParams.entries()],
    headers: flatHeaders(req),
    body: recordedBody(op, body),
    at: ctx.clock.now(),
  });
  const base = echoHeaders(req.headers);
  const fault = ctx.faults.take(op);
  if (fault && PREEMPTIVE.has(fault.kind)) return writePreemptive(res, fault, base, ctx.life);
  if (fault?.kind === "latency") await ctx.life.sleep(fault.ms);
  let reply: Reply;
  if (op === "token") {
    reply = ctx.tokens.handle(
      method,
      url.searchParams,
      body,
      req.headers["content-type"] ?? "",
      req.headers.authorization,
    );
  } else {
    const rejected = withoutPutAuthBody(op, checkHeaders(ctx, op, req.headers));
    let rate: Record<string, string> = {};
    let limited: Reply | undefined;
    if (!rejected && (op === "search" || op === "get")) {
      const decision = ctx.rates.check(op);
      rate = decision.headers;
      if (!decision.allowed) limited = tooManyRequests(rate);
    }
    const result =
      rejected ??
      limited ??
      runOperation(ctx, {
        op,
        orderNumber: route.orderNumber,
        basePath: route.basePath,
        query: url.searchParams,
        body,
      });
    reply = { ...result, headers: { ...rate, ...result.headers } };
  }
  return deliver(res, { ...reply, headers: { ...base, ...reply.headers } }, fault, ctx.life);
}

/** The node:http request listener. */
export function createListener(ctx: SandboxContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const work = url.pathname.startsWith("/__sandbox/")
      ? handleControl(ctx, req, res, url)
      : handleOperation(ctx, req, res, url);
    work.catch((err: unknown) => {
      if (err instanceof SandboxClosedError) return void res.destroy();
      if (err instanceof BodyTooLargeError)
        return write(res, errorResponse(413, "/errors/validation-failed", err.message));
      if (!res.headersSent)
        write(res, json(500, { errors: [{ id: "sandbox", type: "/errors/server-error", message: String(err) }] }));
      else res.destroy();
    });
  };
}
