import "server-only";
import type { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { recordRefusalOnce } from "@/lib/auth/refusal-audit";
import { getActor } from "@/lib/auth/session";
import { type Actor, type Permission, can, requirePermission } from "@/lib/authz";
import { AppError, errorBody } from "@/lib/errors";
import { toAppError } from "@/lib/error-map";
import { newCorrelationId } from "@/lib/correlation-id";
import { log } from "@/lib/log";
import { BodyTooLargeError, readCappedText } from "@/lib/read-body";
import { env } from "@/lib/env.mjs";
import { assertSameOrigin } from "@/lib/same-origin";
import { apiSecurityHeaders } from "@/lib/security-headers";
import { zodFields } from "@/lib/validation/fields";

const DEFAULT_MAX_BODY = 256 * 1024;
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface RouteContext<B, Q, P extends string = never> {
  req: Request;
  actor: Actor | null;
  body: B;
  query: Q;
  params: Record<P, string>;
  correlationId: string;
  /** When the request arrived (performance.now()), before authentication and parsing. */
  arrivedAt: number;
}

export interface RouteOptions<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, P extends string> {
  /** null only for endpoints that authenticate otherwise (the Ingram webhook) or are public (health). */
  permission: Permission | null;
  /** The dynamic segments the handler reads; each is checked by the use case it is handed to. */
  params?: readonly P[];
  body?: B;
  query?: Q;
  maxBodyBytes?: number;
  /** Same-origin check on unsafe methods; off only for server-to-server endpoints that verify a signature. */
  csrf?: boolean;
  /** Hand the raw body text to the handler instead of parsing JSON (webhook signature checks). */
  rawBody?: boolean;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type Handler<B, Q, P extends string> = (ctx: RouteContext<B, Q, P>) => Promise<Response>;

export function json(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, init);
}

/** The one capped reader, with an oversized body answered as 413 (the read stops at the cap). */
export async function readBody(req: Request, max: number): Promise<string> {
  try {
    return await readCappedText(req.body, max, { declaredLength: req.headers.get("content-length") });
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      throw new AppError("payload_too_large", `Request body is larger than ${max} bytes.`);
    }
    throw err;
  }
}

async function parseBody(req: Request, schema: z.ZodType | undefined, raw: boolean, max: number): Promise<unknown> {
  if (!schema && !raw) return undefined;
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") throw new AppError("unsupported_media_type", "Send the body as application/json.");
  const text = await readBody(req, max);
  if (raw) return text;
  let data: unknown;
  try {
    data = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  return validate(schema!, data, "validation_failed");
}

function validate(schema: z.ZodType, data: unknown, code: "validation_failed" | "bad_request"): unknown {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new AppError(code, "Some fields need attention.", { fields: zodFields(parsed.error) });
  }
  return parsed.data;
}

function segments<P extends string>(given: Record<string, string>, names: readonly P[]): Record<P, string> {
  const out = {} as Record<P, string>;
  for (const name of names) {
    const value = given[name];
    if (typeof value !== "string") throw new AppError("not_found", "Not found.");
    out[name] = value;
  }
  return out;
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return out;
}

const API_SECURITY_HEADERS = Object.entries(apiSecurityHeaders(env.nextauthUrl));

export function withHeaders(res: Response, correlationId: string): Response {
  for (const [name, value] of API_SECURITY_HEADERS) res.headers.set(name, value);
  res.headers.set("X-Correlation-ID", correlationId);
  res.headers.set("Cache-Control", "private, no-store");
  res.headers.set("X-Content-Type-Options", "nosniff");
  return res;
}

export function errorResponse(err: AppError, correlationId: string): Response {
  const res = json(errorBody(err, correlationId), { status: err.status });
  if (err.retryAfterSeconds !== undefined) res.headers.set("Retry-After", String(Math.ceil(err.retryAfterSeconds)));
  return withHeaders(res, correlationId);
}

/**
 * A signed-in user refused a permission: audited, once per user, address and permission per window, so that a
 * flood of refused requests adds one row. The 403 stands even when the audit write fails.
 */
async function auditRefusal(req: Request, actor: Actor, permission: Permission, correlationId: string) {
  const address = clientAddress(req.headers, env.trustProxy);
  try {
    await recordRefusalOnce(`deny|${actor.id}|${address}|${permission}`, {
      actor: { id: actor.id, email: actor.email },
      action: "access.deny",
      outcome: "failed",
      correlationId,
      request: { method: req.method, path: new URL(req.url).pathname, permission, address },
    });
  } catch (err) {
    log("warn", "refusal not audited", { correlationId, err });
  }
}

/**
 * The wrapper every route handler goes through: correlation id, same-origin check, body cap and content type,
 * authentication and the permission, zod parsing, and one error → status mapping.
 */
export function route<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends string = never,
>(opts: RouteOptions<B, Q, P>, handler: Handler<Infer<B>, Infer<Q>, P>) {
  return async (req: Request, ctx: { params?: Promise<Record<string, string>> } = {}): Promise<Response> => {
    const correlationId = newCorrelationId();
    const started = performance.now();
    const url = new URL(req.url);
    let actor: Actor | null = null;
    let res: Response;
    try {
      if (UNSAFE.has(req.method) && opts.csrf !== false) assertSameOrigin(req);
      if (opts.permission) {
        actor = await getActor();
        // A user who must first change a reset password is steered, not refused a permission: not audited.
        if (actor && !actor.mustChangePassword && !can(actor, opts.permission)) {
          await auditRefusal(req, actor, opts.permission, correlationId);
        }
        requirePermission(actor, opts.permission);
      }
      const query = opts.query ? validate(opts.query, queryObject(url), "bad_request") : undefined;
      const body = await parseBody(req, opts.body, !!opts.rawBody, opts.maxBodyBytes ?? DEFAULT_MAX_BODY);
      const params = segments((await ctx.params) ?? {}, opts.params ?? []);
      res = await handler({
        req,
        actor,
        body: body as Infer<B>,
        query: query as Infer<Q>,
        params,
        correlationId,
        arrivedAt: started,
      });
      res = withHeaders(res, correlationId);
    } catch (err) {
      const appErr = toAppError(err);
      if (appErr.status >= 500) log("error", "request failed", { correlationId, path: url.pathname, err });
      res = errorResponse(appErr, correlationId);
    }
    log("info", "request", {
      correlationId,
      method: req.method,
      path: url.pathname,
      status: res.status,
      ms: Math.round(performance.now() - started),
      actor: actor?.id,
    });
    return res;
  };
}
