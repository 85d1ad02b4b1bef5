import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What the credentials check learned about one sign-in POST that next-auth's own answer cannot carry: next-auth
 * answers every refused credentials sign-in with 401, so the wait of a throttled one travels here, from
 * authorize() back to the POST wrapper, which answers 429 with Retry-After. The device cookie travels the same
 * way: the one the browser sent in, a success's fresh one out.
 */
export interface SignInAttempt {
  retryAfterSeconds?: number;
  /** The device cookie the browser sent (lib/auth/device-cookie.ts), read by the POST wrapper. */
  presentedDeviceToken?: string;
  /** A successful sign-in's fresh device cookie value, for the POST wrapper to set. */
  issuedDeviceToken?: string;
}

const attempts = new AsyncLocalStorage<SignInAttempt>();

export async function withSignInAttempt(
  run: () => Promise<Response>,
  presentedDeviceToken?: string,
): Promise<{ res: Response; attempt: SignInAttempt }> {
  const attempt: SignInAttempt = { presentedDeviceToken };
  const res = await attempts.run(attempt, run);
  return { res, attempt };
}

/** Called by authorize() when the throttle refuses an attempt, before any hash is computed. */
export function noteThrottled(retryAfterSeconds: number): void {
  const attempt = attempts.getStore();
  if (attempt) attempt.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
}

/** Called by authorize() after a successful sign-in. */
export function noteDeviceToken(token: string): void {
  const attempt = attempts.getStore();
  if (attempt) attempt.issuedDeviceToken = token;
}

/** The device cookie this sign-in POST carried, if any. */
export function presentedDeviceToken(): string | undefined {
  return attempts.getStore()?.presentedDeviceToken;
}
