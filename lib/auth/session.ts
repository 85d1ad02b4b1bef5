import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { sessionToken } from "@/lib/auth/auth-options";
import { decodeSessionClaims } from "@/lib/auth/session-claims";
import { sessionUser } from "@/lib/auth/session-user";
import type { Actor } from "@/lib/authz";

/**
 * The signed-in, enabled user this request acts for, or null: read once per request however many layouts, pages
 * and handlers ask. Every page, route handler, command and query gets the actor here. next-auth reads its cookie
 * (sessionToken); the user is then re-read from the database on every request, so a disabled user, a session
 * minted before a role change or disable, one signed out, or one past the cap from sign-in is refused at once,
 * and the role is the database's. A failed lookup (database unreachable) throws: it answers 503 like any other
 * database read, not "signed out".
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const claims = decodeSessionClaims(await sessionToken(await cookies()));
  const user = claims && (await sessionUser(claims));
  if (!user) return null;
  const { mustChangePassword, ...actor } = user;
  // Present only while a reset password waits to be changed (lib/authz.ts refuses all but account.manage).
  return mustChangePassword === true ? { ...actor, mustChangePassword: true } : actor;
});
