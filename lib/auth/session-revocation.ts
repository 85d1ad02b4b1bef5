import "server-only";
import { SESSION_MAX_AGE_SECONDS, type SessionClaims, decodeSessionClaims } from "@/lib/auth/session-claims";
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

export async function isRevoked(claims: SessionClaims): Promise<boolean> {
  return (await db.revokedSession.count({ where: { sid: claims.sid } })) > 0;
}

/** "Sign out everywhere": every session of the user minted before now is refused at its next request. */
export async function endAllSessions(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
