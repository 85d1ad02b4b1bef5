import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { cookies } from "next/headers";
import { cache } from "react";
import { decodeSessionClaims } from "@/lib/auth/session-claims";
import { sessionUser } from "@/lib/auth/session-user";
import type { Actor } from "@/lib/authz";
import { env } from "@/lib/env.mjs";

/**
 * next-auth's token key, derived as its own decode derives it (HKDF-SHA256 of the secret, empty salt, its info
 * string), once per process instead of on every request: the derivation showed in the profile per request.
 */
let key: Uint8Array | null = null;
const tokenKey = () =>
  (key ??= new Uint8Array(
    hkdfSync("sha256", env.nextauthSecret ?? "", "", "NextAuth.js Generated Encryption Key", 32),
  ));

/** next-auth's decode with the derived key kept: the token's payload, or null when it does not decrypt or has expired. */
async function decodeToken(token: string): Promise<unknown> {
  try {
    return (await jwtDecrypt(token, tokenKey(), { clockTolerance: 15 })).payload;
  } catch {
    return null;
  }
}

/** next-auth's session cookie name for NEXTAUTH_URL (it adds the `__Secure-` prefix on https). */
const COOKIE = `${env.nextauthUrl.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;

/** The session token, joined from next-auth's chunks (`name.0`, `name.1`, …) when it was split. */
function sessionToken(jar: { getAll(): { name: string; value: string }[] }): string | null {
  const parts = jar
    .getAll()
    .filter((c) => c.name === COOKIE || c.name.startsWith(`${COOKIE}.`))
    .map((c) => ({ index: Number(c.name.slice(COOKIE.length + 1) || 0), value: c.value }))
    .sort((a, b) => a.index - b.index);
  return parts.length ? parts.map((p) => p.value).join("") : null;
}

/**
 * The signed-in, enabled user this request acts for, or null; once per request however many layouts, pages
 * and handlers ask. Every page, route handler, command and query gets the actor here.
 *
 * It does what next-auth's getServerSession did for us (decrypt the cookie as next-auth's decode does, which
 * checks its expiry; our claims and the 8 h cap; the user re-read from the database, so a disabled user, a
 * session minted before a role change or disable, or one signed out is refused at once, and the role is the
 * database's) without the rest of next-auth's session endpoint: CSRF token set-up and re-encrypting a rolled
 * cookie that a server component or route handler cannot set anyway. That was most of the portal's CPU per
 * API request (README, Performance). /api/auth/session still goes through next-auth and the same user check.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const token = sessionToken(await cookies());
  if (!token) return null;
  // A forged, foreign-secret or expired token decodes to nothing: signed out, as next-auth answers it.
  const claims = decodeSessionClaims(await decodeToken(token));
  // The user could not be checked (database unreachable): sessionUser throws, and the request fails like any
  // database read (503), not as signed out.
  return claims ? sessionUser(claims) : null;
});
