import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { type ActorSession, authOptions, sessionLookupFailure } from "@/lib/auth/auth-options";
import type { Actor } from "@/lib/authz";

/**
 * The signed-in, enabled user this request acts for, or null: next-auth's getServerSession, once per request
 * however many layouts, pages and handlers ask. Every page, route handler, command and query gets the actor here.
 * next-auth's jwt callback re-reads the user from the database on every request, so a disabled user, or a
 * session minted before a role change or disable, is refused at once, and the role is the database's.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as ActorSession | null;
  // The user could not be checked (database unreachable): fail like any database read, not as signed out.
  if (session && sessionLookupFailure(session)) throw sessionLookupFailure(session);
  const user = session?.user;
  return user?.id
    ? {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        // Present only while a reset password waits to be changed (lib/authz.ts refuses all but account.manage).
        ...(user.mustChangePassword === true ? { mustChangePassword: true } : {}),
      }
    : null;
});
