import "server-only";
import { recordEvent } from "@/lib/audit/record";
import { DUMMY_HASH, type PasswordHasher } from "@/lib/auth/password";
import { noteThrottled } from "@/lib/auth/sign-in-attempt";
import { clientAddress, recordSuccess, reserveAttempt } from "@/lib/auth/throttle";
import type { Role } from "@/lib/authz";
import { db } from "@/lib/db";
import { credentialsSchema } from "@/lib/validation/users";

/** The error next-auth passes to the sign-in page (`/login?error=TooManyAttempts`) when throttled. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

export interface CredentialsDeps {
  hasher: PasswordHasher;
  trustProxy: boolean;
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
 * the answer is 429 with Retry-After. The password never reaches
 * the audit log or the logs.
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

  const reservation = await reserveAttempt(email, address, now);
  if (reservation.throttled) {
    if (reservation.firstRefusal) {
      await recordEvent({
        action: "user.sign_in",
        outcome: "failed",
        request: { email, address, provider: "credentials" },
        after: { reason: "throttled", retryAfterSeconds: reservation.retryAfterSeconds },
      });
    }
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
  await recordSuccess(email, address);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
