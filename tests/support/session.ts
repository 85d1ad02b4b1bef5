// Session cookies and users for integration tests, minted exactly as the app's next-auth would.
import { randomBytes, randomUUID } from "node:crypto";
import { hash } from "bcryptjs";
import { encode } from "next-auth/jwt";
import { getActor } from "@/lib/auth/session";
import { SESSION_MAX_AGE_SECONDS, type SessionClaims } from "@/lib/auth/session-claims";
import type { Actor, Role } from "@/lib/authz";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { inRequestScope } from "@/tests/support/request-scope";

/**
 * next-auth's session cookie name for our NEXTAUTH_URL (the `__Secure-` prefix on https). The app never names
 * it; tests do, to mint and find the cookie.
 */
export function sessionCookieName(secure = env.nextauthUrl.startsWith("https://")): string {
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/** A session token minted with next-auth's own encode, as its sign-in would. */
export function encodeSession(claims: SessionClaims, maxAge = SESSION_MAX_AGE_SECONDS): Promise<string> {
  return encode({ token: { ...claims }, secret: env.nextauthSecret, maxAge });
}

/** The actor getActor() finds for a request carrying `cookie` (a Cookie header value), inside a request scope. */
export function actorFor(cookie: string | null, url = `${env.nextauthUrl}/`): Promise<Actor | null> {
  return inRequestScope(new Request(url, cookie ? { headers: { cookie } } : undefined), () => getActor());
}

export interface SessionUser {
  id: string;
  role: Role;
  sessionVersion: number;
}

export interface SessionCookieOptions {
  /** Token lifetime in seconds; negative mints an already-expired token. */
  maxAge?: number;
  /** Sign-in time (epoch seconds); defaults to now. */
  signedInAt?: number;
}

/** A `Cookie` header value carrying a session for `user`, encrypted with env.nextauthSecret. */
export async function sessionCookie(user: SessionUser, opts: SessionCookieOptions = {}): Promise<string> {
  const token = await encodeSession(
    {
      sid: randomUUID(),
      sub: user.id,
      role: user.role,
      sv: user.sessionVersion,
      at: opts.signedInAt ?? Math.floor(Date.now() / 1000),
    },
    opts.maxAge ?? SESSION_MAX_AGE_SECONDS,
  );
  return `${sessionCookieName()}=${token}`;
}

export interface MakeUserOptions {
  email?: string;
  name?: string | null;
  password?: string;
  disabled?: boolean;
}

/** Test passwords are hashed at bcrypt cost 4 (the app verifies any cost; production hashes at 12). */
export async function makeUser(db: Db, role: Role, opts: MakeUserOptions = {}) {
  return db.user.create({
    data: {
      email: opts.email ?? `${role}-${randomBytes(4).toString("hex")}@test.local`,
      name: opts.name === undefined ? `Test ${role}` : opts.name,
      role,
      disabled: opts.disabled ?? false,
      passwordHash: opts.password ? await hash(opts.password, 4) : null,
    },
  });
}
