import "server-only";
import type { SessionClaims } from "@/lib/auth/session-claims";
import type { Actor, Role } from "@/lib/authz";
import { db, hotQuery } from "@/lib/db";

/**
 * The user a session's claims stand for, as the database has them now, or null when the session no longer
 * holds: the user is gone or disabled, was bumped (sessionVersion) since sign-in, or this session was signed
 * out (its sid revoked). Read on every request, never cached across requests, so any of these takes effect at
 * the user's next request. A database failure throws (the caller answers 503, not "signed out").
 */
export async function sessionUser(claims: SessionClaims): Promise<Actor | null> {
  // One statement instead of a Prisma find plus a revocation count, prepared once per connection (hotQuery): it
  // runs on every request (README, Performance). decodeSessionClaims has checked that sub and sid are UUIDs.
  const [row] = await hotQuery<SessionRow>(db, {
    text: `SELECT u.id::text AS id, u.email, u.name, u.role::text AS role, u.disabled,
             u.session_version AS "sessionVersion", u.must_change_password AS "mustChangePassword",
             EXISTS (SELECT 1 FROM revoked_sessions r WHERE r.sid = $1::uuid) AS revoked
           FROM users u WHERE u.id = $2::uuid`,
    values: [claims.sid, claims.sub],
  });
  if (!row || row.disabled || row.sessionVersion !== claims.sv || row.revoked) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, mustChangePassword: row.mustChangePassword };
}

interface SessionRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  sessionVersion: number;
  mustChangePassword: boolean;
  revoked: boolean;
}
