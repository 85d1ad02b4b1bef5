import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What the credentials check learned about one sign-in POST that next-auth's own answer cannot carry: next-auth
 * answers every refused credentials sign-in with 401, so the wait of a throttled one travels here, from
 * authorize() back to the POST wrapper, which answers 429 with Retry-After.
 */
export interface SignInAttempt {
  retryAfterSeconds?: number;
}

const attempts = new AsyncLocalStorage<SignInAttempt>();

export async function withSignInAttempt(
  run: () => Promise<Response>,
): Promise<{ res: Response; attempt: SignInAttempt }> {
  const attempt: SignInAttempt = {};
  const res = await attempts.run(attempt, run);
  return { res, attempt };
}

/** Called by authorize() when the throttle refuses an attempt, before any hash is computed. */
export function noteThrottled(retryAfterSeconds: number): void {
  const attempt = attempts.getStore();
  if (attempt) attempt.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
}
