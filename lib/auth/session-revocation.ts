import "server-only";
import { recordEvent } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz";
import { SESSION_MAX_AGE_SECONDS, decodeSessionClaims } from "@/lib/auth/session-claims";
import { db } from "@/lib/db";

/**
 * Sign-out ends the session on the server too: its id is listed until the session would have expired anyway,
 * so a copy of the cookie taken before the sign-out is refused. Rows past that time are pruned on the way.
 */
export async function revokeSession(token: unknown, now = new Date()): Promise<void> {
  const claims = decodeSessionClaims(token, now.getTime());
  if (!claims) return;
  const expiresAt = new Date((claims.at + SESSION_MAX_AGE_SECONDS) * 1000);
  await db.revokedSession.upsert({ where: { sid: claims.sid }, create: { sid: claims.sid, expiresAt }, update: {} });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
}

/** "Sign out everywhere": every session of the actor, this one included, is refused at its next request. */
export async function endAllSessions(actor: Actor, correlationId?: string): Promise<void> {
  await db.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
  await recordEvent({
    actor: { id: actor.id, email: actor.email },
    action: "user.end_sessions",
    outcome: "succeeded",
    correlationId,
  });
}
