import "server-only";
import { cookies } from "next/headers";
import { parseCookieHeader, readChunkedCookie } from "@/lib/auth/cookies";
import { decodeSession, sessionCookieName } from "@/lib/auth/token";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";

async function cookieMap(req?: Request): Promise<Map<string, string>> {
  if (req) return parseCookieHeader(req.headers.get("cookie"));
  const store = await cookies();
  return new Map(store.getAll().map((c) => [c.name, c.value]));
}

/**
 * The signed-in, enabled user this request acts for, or null. The user is re-read from the database on every
 * call: a disabled user, or a session minted before a role change or disable (sessionVersion bump), is refused
 * at once. The role comes from the database, never from the token.
 * Route handlers pass the Request; server components call it without arguments (next/headers cookies()).
 */
export async function getActor(req?: Request): Promise<Actor | null> {
  const token = readChunkedCookie(await cookieMap(req), sessionCookieName());
  if (!token || token.length > 16_384) return null;
  const claims = await decodeSession(token);
  if (!claims) return null;
  const user = await db.user.findUnique({
    where: { id: claims.sub },
    select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true },
  });
  if (!user || user.disabled || user.sessionVersion !== claims.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
