import "server-only";
import { NextRequest } from "next/server";
import { toAppError } from "@/lib/error-map";
import { AppError } from "@/lib/errors";
import { errorResponse, readBody } from "@/lib/http";
import { newCorrelationId } from "@/lib/correlation-id";
import { assertSameOrigin } from "@/lib/same-origin";
import { DEVICE_COOKIE, deviceCookieHeader } from "@/lib/auth/device-cookie";
import { withSignInAttempt } from "@/lib/auth/sign-in-attempt";

/** Sign-in, sign-out and CSRF forms are a few hundred bytes; anything past this is refused while being read. */
export const AUTH_MAX_BODY_BYTES = 16 * 1024;

type AuthContext = { params: Promise<{ nextauth: string[] }> };
export type AuthRouteHandler = (req: NextRequest, ctx: AuthContext) => Promise<Response>;

async function readForNextAuth(req: NextRequest): Promise<NextRequest> {
  assertSameOrigin(req);
  const text = await readBody(req, AUTH_MAX_BODY_BYTES);
  if ((req.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      JSON.parse(text);
    } catch {
      throw new AppError("bad_request", "The request body is not valid JSON.");
    }
  }
  return new NextRequest(req.url, { method: req.method, headers: req.headers, body: text });
}

/** next-auth's answer to a throttled sign-in, as 429 with Retry-After; its body (the error url) stays as it is. */
function throttled(res: Response, retryAfterSeconds: number): Response {
  const headers = new Headers(res.headers);
  headers.set("Retry-After", String(retryAfterSeconds));
  headers.set("Cache-Control", "private, no-store");
  return new Response(res.body, { status: 429, headers });
}

/**
 * next-auth's POST, behind the portal's same-origin check (403) and the one capped body reader (413), so a
 * cross-site or oversized POST never reaches next-auth: next-auth itself reads a body whole. A sign-in the
 * throttle refused answers 429 with Retry-After; a successful one also sets the device cookie.
 */
export function cappedAuthPost(handler: AuthRouteHandler): AuthRouteHandler {
  return async (req, ctx) => {
    let checked: NextRequest;
    try {
      checked = await readForNextAuth(req);
    } catch (err) {
      return errorResponse(toAppError(err), newCorrelationId());
    }
    const device = req.cookies.get(DEVICE_COOKIE)?.value;
    const { res, attempt } = await withSignInAttempt(() => handler(checked, ctx), device);
    if (attempt.retryAfterSeconds) return throttled(res, attempt.retryAfterSeconds);
    if (attempt.issuedDeviceToken) res.headers.append("Set-Cookie", deviceCookieHeader(attempt.issuedDeviceToken));
    return res;
  };
}
