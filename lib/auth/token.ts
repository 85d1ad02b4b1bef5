import "server-only";
import { decode, encode } from "next-auth/jwt";
import type { Role } from "@/lib/authz";
import { env } from "@/lib/env.mjs";

/** Session lifetime, and also the absolute cap counted from sign-in (next-auth rolls `exp` on each refresh). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** The only claims a session carries: who, which role at sign-in, and the user's session version. */
export type SessionClaims = {
  sub: string;
  role: Role;
  sv: number;
  /** Sign-in time, epoch seconds. */
  at: number;
};

export function secureCookies(nextauthUrl: string = env.nextauthUrl): boolean {
  return nextauthUrl.startsWith("https://");
}

/** next-auth's default name for our URL scheme; the `__Secure-` prefix makes browsers demand HTTPS. */
export function sessionCookieName(secure = secureCookies()): string {
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

export function isSessionClaims(value: unknown): value is SessionClaims {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.sub === "string" &&
    typeof v.role === "string" &&
    Number.isInteger(v.sv) &&
    typeof v.at === "number" &&
    Number.isFinite(v.at)
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The claims of a decoded token, or null when malformed or older than the absolute cap from sign-in. */
export function decodeSessionClaims(payload: unknown, nowMs = Date.now()): SessionClaims | null {
  if (!isSessionClaims(payload) || !UUID.test(payload.sub)) return null;
  const ageSeconds = nowMs / 1000 - payload.at;
  if (ageSeconds > SESSION_MAX_AGE_SECONDS || ageSeconds < -60) return null;
  return { sub: payload.sub, role: payload.role, sv: payload.sv, at: payload.at };
}

/** Decodes a session token; null when forged, malformed, expired, or older than the absolute cap. */
export async function decodeSession(token: string, nowMs = Date.now()): Promise<SessionClaims | null> {
  try {
    return decodeSessionClaims(await decode({ token, secret: env.nextauthSecret }), nowMs);
  } catch {
    return null;
  }
}

/** Mints a session token exactly as next-auth would (used by tests and nothing else in the app). */
export async function encodeSession(claims: SessionClaims, maxAge = SESSION_MAX_AGE_SECONDS): Promise<string> {
  return encode({ token: { ...claims }, secret: env.nextauthSecret, maxAge });
}
