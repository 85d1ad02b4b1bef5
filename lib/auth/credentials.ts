import "server-only";
import { recordEvent } from "@/lib/audit/record";
import { DUMMY_HASH, type PasswordHasher } from "@/lib/auth/password";
import { clientAddress } from "@/lib/auth/client-address";
import { issueDeviceToken, verifiedDeviceId } from "@/lib/auth/device-cookie";
import { recordRefusalOnce } from "@/lib/auth/refusal-audit";
import { noteDeviceToken, noteThrottled, presentedDeviceToken } from "@/lib/auth/sign-in-attempt";
import { recordSuccess, reserveAttempt } from "@/lib/auth/throttle";
import type { Role } from "@/lib/authz";
import { db } from "@/lib/db";
import { pruneIfDue } from "@/lib/database/retention";
import { credentialsSchema } from "@/lib/validation/users";

/** The error next-auth passes to the sign-in page (`/login?error=TooManyAttempts`) when throttled. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

export interface CredentialsDeps {
  hasher: PasswordHasher;
  /** Reverse-proxy hops whose X-Forwarded-For entries are believed (TRUST_PROXY). */
  trustProxy: number;
  /** SSO identities without an email_verified claim are accepted (OIDC_TRUST_EMAIL). */
  oidcTrustEmail?: boolean;
  now?: () => Date;
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

type Headers_ = Record<string, string | string[] | undefined> | Headers;

/**
 * next-auth's credentials `authorize`: null for any wrong email, password or disabled account (one generic
 * answer). Throws TOO_MANY_ATTEMPTS while throttled, before any hash is computed, and notes the wait so that
 * the answer is 429 with Retry-After; the first refusal per account and address in a window is audited. A
 * success notes a fresh device token for the browser. The password never reaches the audit log or the logs.
 */
export async function authorizeCredentials(
  raw: unknown,
  headers: Headers_,
  deps: CredentialsDeps,
): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const address = clientAddress(headers, deps.trustProxy);
  const now = deps.now?.() ?? new Date();
  const deviceId = verifiedDeviceId(presentedDeviceToken(), email);
  // login_throttle is written here, so it is pruned from here too (at most once an hour, in the background).
  void pruneIfDue(db, now.getTime());

  const reservation = await reserveAttempt(email, address, deviceId, now);
  if (reservation.throttled) {
    await recordRefusalOnce(
      `sign_in|${email}|${address}`,
      {
        action: "user.sign_in",
        outcome: "failed",
        request: { email, address, provider: "credentials" },
        after: { reason: "throttled", retryAfterSeconds: reservation.retryAfterSeconds },
      },
      now,
    );
    noteThrottled(reservation.retryAfterSeconds);
    throw new Error(TOO_MANY_ATTEMPTS);
  }

  const user = await db.user.findUnique({ where: { email } });
  const matches = await deps.hasher.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !matches || user.disabled) {
    const reason = !user ? "unknown_account" : user.disabled && matches ? "disabled" : "bad_password";
    await recordEvent({
      actor: user ? { id: user.id, email: user.email } : null,
      action: "user.sign_in",
      outcome: "failed",
      request: { email, address, provider: "credentials" },
      after: { reason },
    });
    return null;
  }
  await recordSuccess(email, address, deviceId);
  noteDeviceToken(issueDeviceToken(email));
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
