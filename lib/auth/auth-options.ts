import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions, Session } from "next-auth";
import { getToken, type JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import type { NextRequest } from "next/server";
import { recordEvent } from "@/lib/audit/record";
import { redirectOnOwnOrigin } from "@/lib/auth/callback-url";
import { authorizeCredentials, type CredentialsDeps } from "@/lib/auth/credentials";
import { OIDC_PROVIDER_ID, oidcProvider, oidcSignInAllowed } from "@/lib/auth/oidc";
import { bcryptHasher } from "@/lib/auth/password";
import { revokeSession } from "@/lib/auth/session-revocation";
import { sessionCodec } from "@/lib/auth/session-codec";
import { sessionUser } from "@/lib/auth/session-user";
import { SESSION_MAX_AGE_SECONDS, type SessionClaims, decodeSessionClaims } from "@/lib/auth/session-claims";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { log } from "@/lib/log";

/** X-Forwarded-For is believed only for the trusted proxy hops (TRUST_PROXY=N). */
const DEFAULT_DEPS: CredentialsDeps = { hasher: bcryptHasher, trustProxy: env.trustProxy };

/**
 * The user each session read found in the database, keyed by the token object that next-auth hands from the
 * jwt callback to the session callback of the same read. It keeps the database's email, name and role out of
 * the cookie while reading the user only once per request.
 */
const freshUsers = new WeakMap<object, Actor>();

/**
 * Tokens whose user lookup failed (database unreachable): /api/auth/session then answers a session without a
 * user rather than none. next-auth would otherwise take any error in a callback for a revoked session and clear
 * the cookie, signing everyone out during an outage.
 */
const lookupFailed = new WeakSet<object>();

/** The session as /api/auth/session returns it: the actor, as the database has it now. */
export type ActorSession = Session & { user: Actor };

async function signInUser(user: { id: string; email?: string | null }, provider: string) {
  const where = provider === OIDC_PROVIDER_ID ? { email: user.email?.toLowerCase() ?? "" } : { id: user.id };
  const found = await db.user.findUnique({ where });
  return found && !found.disabled ? found : null;
}

const CODEC = sessionCodec();

/** The auth options; tests build their own with a counting hasher and a fake clock. */
export function createAuthOptions(deps: CredentialsDeps = DEFAULT_DEPS): NextAuthOptions {
  const now = () => deps.now?.() ?? new Date();
  return {
    secret: env.nextauthSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS, ...CODEC },
    useSecureCookies: env.nextauthUrl.startsWith("https://"),
    pages: { signIn: "/login", error: "/login" },
    logger: {
      // A revoked or expired session is routine (the cookie is cleared), not an error.
      error: (code, metadata) =>
        log(code === "JWT_SESSION_ERROR" ? "info" : "error", `next-auth ${code}`, { metadata }),
      warn: (code) => log("warn", `next-auth ${code}`),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) => authorizeCredentials(credentials, req.headers ?? {}, deps),
      }),
      ...(env.oidc?.clientId && env.oidc.clientSecret
        ? [oidcProvider({ ...env.oidc, clientId: env.oidc.clientId, clientSecret: env.oidc.clientSecret })]
        : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider === OIDC_PROVIDER_ID) {
          return oidcSignInAllowed(user.email, profile, deps.oidcTrustEmail ?? env.oidc?.trustEmail ?? false);
        }
        return account?.provider === "credentials";
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const found = await signInUser(user, account.provider);
          if (!found) throw new Error("AccessDenied");
          const claims: SessionClaims = {
            sid: randomUUID(),
            sub: found.id,
            role: found.role,
            sv: found.sessionVersion,
            at: Math.floor(now().getTime() / 1000),
          };
          return claims;
        }
        // Every session read of next-auth's own (/api/auth/session) re-reads the user, as getActor() does for
        // pages and handlers. A disabled user, a session minted before a role change or disable (sessionVersion),
        // one signed out (its sid revoked), or one past the cap from sign-in throws here; next-auth then answers
        // "no session" and clears the cookie.
        const claims = decodeSessionClaims(token, now().getTime());
        if (!claims) throw new Error("SessionRevoked");
        let current;
        try {
          current = await sessionUser(claims);
        } catch {
          lookupFailed.add(claims);
          return claims;
        }
        if (!current) throw new Error("SessionRevoked");
        const fresh = { ...claims, role: current.role } satisfies SessionClaims;
        freshUsers.set(fresh, current);
        return fresh;
      },
      async session({ session, token }) {
        if (lookupFailed.has(token)) return { expires: session.expires } as ActorSession;
        const user = freshUsers.get(token);
        if (!user) throw new Error("SessionRevoked");
        return { expires: session.expires, user } satisfies ActorSession;
      },
      redirect: redirectOnOwnOrigin,
    },
    events: {
      async signOut({ token }) {
        await revokeSession(token, now());
      },
      async signIn({ user, account }) {
        const found = await signInUser(user, account?.provider ?? "");
        if (!found) return;
        await db.user.update({ where: { id: found.id }, data: { lastSignInAt: now() } });
        await recordEvent({
          actor: { id: found.id, email: found.email },
          action: "user.sign_in",
          outcome: "succeeded",
          request: { provider: account?.provider },
        });
      },
    },
  };
}

export const authOptions: NextAuthOptions = createAuthOptions();

/**
 * The session token's payload from a request's cookies, or null when there is none or it does not decrypt or has
 * expired: next-auth's own reader (getToken: its cookie name for these options, its chunked cookies) with the
 * options' secret and codec. getServerSession would also run next-auth's whole session action, creating a CSRF
 * token and re-encrypting a rolled session token that a page or route handler cannot set and so throws away (the
 * largest share of an API request's CPU, README "Performance"). No Authorization header is handed over: a session
 * travels in its cookie only, never as a bearer token.
 */
export function sessionToken(cookies: Pick<NextRequest["cookies"], "getAll">): Promise<JWT | null> {
  // getToken reads req.cookies.getAll() and req.headers' Authorization, nothing else of the request.
  const req = { cookies, headers: new Headers() };
  return getToken({
    req: req as unknown as NextRequest,
    secret: env.nextauthSecret,
    secureCookie: authOptions.useSecureCookies,
    decode: CODEC.decode,
  });
}
