import "server-only";
import NextAuth, { type NextAuthOptions } from "next-auth";
import { parseCookieHeader } from "@/lib/auth/cookies";
import { TOO_MANY_ATTEMPTS } from "@/lib/auth/credentials";
import { clientAddress, throttleState } from "@/lib/auth/throttle";
import { env } from "@/lib/env.mjs";
import { AppError, errorBody } from "@/lib/errors";
import { newCorrelationId } from "@/lib/correlation-id";
import { emailSchema } from "@/lib/validation/users";

const MAX_BODY_BYTES = 16 * 1024;

interface HandlerDeps {
  trustProxy: boolean;
  now?: () => Date;
}

type Params = { params?: Promise<{ nextauth?: string[] }> };

/** Collects what next-auth's Node-style API handler writes into a web Response. */
class CollectingResponse {
  statusCode = 200;
  headers = new Map<string, string | string[]>();
  body: string | null = null;
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  setHeader(name: string, value: string | string[]) {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase());
  }
  end() {}
  send(body: unknown) {
    this.body = body === undefined || body === null ? null : typeof body === "string" ? body : JSON.stringify(body);
  }
  json(body: unknown) {
    this.setHeader("content-type", "application/json");
    this.body = JSON.stringify(body);
  }
  toResponse(): Response {
    const headers = new Headers();
    for (const [name, value] of this.headers) {
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    headers.set("Cache-Control", "private, no-store");
    return new Response(this.body, { status: this.statusCode, headers });
  }
}

async function readForm(req: Request): Promise<Record<string, string> | undefined> {
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("payload_too_large", "Request body is too large.");
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  if (type.includes("application/json")) {
    try {
      const data: unknown = JSON.parse(text);
      return data && typeof data === "object" ? (data as Record<string, string>) : undefined;
    } catch {
      throw new AppError("bad_request", "The request body is not valid JSON.");
    }
  }
  return undefined;
}

function sameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  return !!origin && (origin === new URL(env.nextauthUrl).origin || origin === new URL(req.url).origin);
}

function fail(err: AppError, extra: Record<string, unknown> = {}): Response {
  const res = Response.json({ ...extra, ...errorBody(err, newCorrelationId()) }, { status: err.status });
  if (err.retryAfterSeconds) res.headers.set("Retry-After", String(err.retryAfterSeconds));
  res.headers.set("Cache-Control", "private, no-store");
  return res;
}

/** 429 that next-auth's client signIn() understands: `url` carries ?error=TooManyAttempts like its own errors. */
export function tooManyAttempts(retryAfterSeconds: number): Response {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const url = new URL("/login", env.nextauthUrl);
  url.searchParams.set("error", TOO_MANY_ATTEMPTS);
  url.searchParams.set("retryAfter", String(retryAfterSeconds));
  const err = new AppError("rate_limited", `Too many attempts; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
    retryAfterSeconds,
  });
  return fail(err, { url: url.toString() });
}

/**
 * The /api/auth/[...nextauth] handler. It hands next-auth the request read from the Request itself (cookies from
 * the Cookie header, no next/headers), so it behaves the same under `next start` and in tests. In front of
 * next-auth: a same-origin check on POST, a body cap, and the sign-in throttle answering 429 + Retry-After.
 */
export function createAuthRouteHandler(options: NextAuthOptions, deps: HandlerDeps) {
  return async function handle(req: Request, ctx: Params = {}): Promise<Response> {
    const url = new URL(req.url);
    const segments =
      (await ctx.params)?.nextauth ?? url.pathname.replace(/^.*?\/api\/auth\/?/, "").split("/").filter(Boolean);
    const method = req.method.toUpperCase();
    let body: Record<string, string> | undefined;
    if (method === "POST") {
      if (!sameOrigin(req)) return fail(new AppError("forbidden", "Cross-site request refused."));
      try {
        body = await readForm(req);
      } catch (err) {
        return fail(err as AppError);
      }
      if (segments[0] === "callback" && segments[1] === "credentials") {
        const email = emailSchema.safeParse(body?.email);
        const address = clientAddress(req.headers, deps.trustProxy);
        const state = await throttleState(email.success ? email.data : null, address, deps.now?.() ?? new Date());
        if (state.throttled) return tooManyAttempts(state.retryAfterSeconds);
      }
    }
    const res = new CollectingResponse();
    const apiReq = {
      method,
      headers: Object.fromEntries(req.headers),
      cookies: Object.fromEntries(parseCookieHeader(req.headers.get("cookie"))),
      query: { ...Object.fromEntries(url.searchParams), nextauth: segments },
      body,
    };
    await (NextAuth as unknown as (req: unknown, res: unknown, o: NextAuthOptions) => Promise<unknown>)(apiReq, res, options);
    return res.toResponse();
  };
}
