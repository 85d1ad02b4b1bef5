import "server-only";
import type { SessionClaims } from "@/lib/auth/session-claims";
import { isRevoked } from "@/lib/auth/session-revocation";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";

/**
 * The user a session's claims stand for, as the database has them now, or null when the session no longer
 * holds: the user is gone or disabled, was bumped (sessionVersion) since sign-in, or this session was signed
 * out (its sid revoked). Read on every request, never cached across requests, so any of these takes effect at
 * the user's next request. A database failure throws (the caller answers 503, not "signed out").
 */
export async function sessionUser(claims: SessionClaims): Promise<Actor | null> {
  const [current, revoked] = await Promise.all([
    db.user.findUnique({
      where: { id: claims.sub },
      select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true },
    }),
    isRevoked(claims),
  ]);
  if (!current || current.disabled || current.sessionVersion !== claims.sv || revoked) return null;
  return { id: current.id, email: current.email, name: current.name, role: current.role };
}
