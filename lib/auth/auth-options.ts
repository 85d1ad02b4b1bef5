import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
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
 * A failed user lookup (database unreachable) travels the same way, then on to getActor() on the session
 * object, so it answers 503 as any other database failure does. next-auth would otherwise take any error in a
 * callback for a revoked session: answer 401 and clear the cookie, signing everyone out during an outage.
 */
const lookupFailures = new WeakMap<object, unknown>();

/** The error that kept this session read from checking the user, if any (see lookupFailures). */
export function sessionLookupFailure(session: object): unknown {
  return lookupFailures.get(session);
}

/** The session as getServerSession and /api/auth/session return it: the actor, as the database has it now. */
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
        // Every session read (getServerSession, /api/auth/session) re-reads the user. A disabled user, a session
        // minted before a role change or disable (sessionVersion), one signed out (its sid revoked), or one past
        // the cap from sign-in throws here;
        // next-auth then answers "no session" and clears the cookie where it can.
        const claims = decodeSessionClaims(token, now().getTime());
        if (!claims) throw new Error("SessionRevoked");
        let current;
        try {
          current = await sessionUser(claims);
        } catch (err) {
          lookupFailures.set(claims, err);
          return claims;
        }
        if (!current) throw new Error("SessionRevoked");
        const fresh = { ...claims, role: current.role } satisfies SessionClaims;
        freshUsers.set(fresh, current);
        return fresh;
      },
      async session({ session, token }) {
        if (lookupFailures.has(token)) {
          const unchecked = { expires: session.expires };
          lookupFailures.set(unchecked, lookupFailures.get(token));
          return unchecked as ActorSession;
        }
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
