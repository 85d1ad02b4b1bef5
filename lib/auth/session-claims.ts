// Pure: what our session token carries and when it is too old, whatever next-auth's own expiry says.
import type { Role } from "@/lib/authz";

/** Session lifetime, and also the absolute cap counted from sign-in (next-auth rolls `exp` on each refresh). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * The claims a session carries: this session's id (what its sign-out revokes), who, which role at sign-in
 * (informative only: the role in force is re-read from the database on every request), the user's session
 * version (bumped to end all of the user's sessions), and the sign-in time (epoch seconds).
 */
export type SessionClaims = {
  sid: string;
  sub: string;
  role: Role;
  sv: number;
  at: number;
};

export function isSessionClaims(value: unknown): value is SessionClaims {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.sid === "string" &&
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
  if (!isSessionClaims(payload) || !UUID.test(payload.sub) || !UUID.test(payload.sid)) return null;
  const ageSeconds = nowMs / 1000 - payload.at;
  if (ageSeconds > SESSION_MAX_AGE_SECONDS || ageSeconds < -60) return null;
  return { sid: payload.sid, sub: payload.sub, role: payload.role, sv: payload.sv, at: payload.at };
}
