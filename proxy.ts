// Next.js's request proxy: sets this request's Content-Security-Policy with a fresh nonce, on the request (so
// Next.js renders its scripts with the nonce) and on the response, plus HSTS behind HTTPS. It grants nothing:
// every permission check is in lib/. It runs for pages and next-auth's routes; JSON routes send fixed headers.
import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env.mjs";
import { newNonce, securityHeaders } from "@/lib/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const set = securityHeaders(newNonce(), { dev: env.nodeEnv === "development", publicUrl: env.nextauthUrl });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", set["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(set)) response.headers.set(name, value);
  return response;
}

// Pages and next-auth's endpoints (its pages render HTML); not the portal's own JSON routes, which set their fixed
// headers in lib/http.ts (apiSecurityHeaders).
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/(?!auth/)).*)"],
};
