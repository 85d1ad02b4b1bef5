import "server-only";
import { db } from "@/lib/db";

/**
 * Sign-in throttling over the LoginThrottle table, shared by every portal instance. Each attempt takes its slots
 * atomically BEFORE any hash is computed, so concurrent guesses cannot overrun a limit, and a refused attempt
 * takes nothing from the keys after the one that refused it. In order:
 *  - per address: 50 attempts per 15-minute window, then refused until the window ends;
 *  - from a device that signed in to the account before (device cookie): 5 per window per device, and nothing
 *    else, so strangers cannot keep the owner out;
 *  - otherwise per account and address: 5 per window, then refused until the window ends;
 *  - and per account: 5 attempts free, then each further one waits a delay that doubles up to 15 minutes. The
 *    count starts afresh after a day without an attempt. A delay, never a lock: the owner can always try
 *    again, and a device the owner used before is not delayed at all.
 * A successful sign-in clears the account's keys and gives its slot back to the address.
 */
export const ADDRESS_LIMIT = 50;
export const PAIR_LIMIT = 5;
export const DEVICE_LIMIT = 5;
export const ACCOUNT_FREE_ATTEMPTS = 5;
export const WINDOW_SECONDS = 15 * 60;
/** An account's count starts afresh after this long without an attempt (longer than the longest delay). */
export const ACCOUNT_QUIET_SECONDS = 24 * 60 * 60;

export interface Reservation {
  throttled: boolean;
  /** Seconds until an attempt would be accepted again; 0 when not throttled. */
  retryAfterSeconds: number;
}

const normalized = (email: string) => email.trim().toLowerCase();
export const accountKey = (email: string) => `acct:${normalized(email)}`;
export const addressKey = (address: string) => `ip:${address}`;
export const pairKey = (email: string, address: string) => `acct-ip:${normalized(email)}|${address}`;
export const deviceKey = (deviceId: string) => `dev:${deviceId}`;

type Policy = { kind: "window"; limit: number } | { kind: "delay"; free: number };

function secondsUntil(until: Date | null, now: Date): number {
  return until ? Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) : 1;
}

/**
 * Takes one slot of `key`, or refuses while the key is locked (or delayed). The UPDATE's WHERE is re-checked
 * by PostgreSQL against the row as the previous concurrent attempt left it, so the check and the count are one.
 */
async function take(key: string, policy: Policy, now: Date): Promise<Reservation> {
  const cutoff = new Date(now.getTime() - WINDOW_SECONDS * 1000);
  const quiet = new Date(now.getTime() - ACCOUNT_QUIET_SECONDS * 1000);
  await db.$executeRaw`
    INSERT INTO "login_throttle" ("key", "failures", "window_start", "locked_until")
    VALUES (${key}, 0, ${now}::timestamptz, NULL) ON CONFLICT ("key") DO NOTHING`;
  const taken =
    policy.kind === "window"
      ? await db.$queryRaw<{ failures: number }[]>`
    UPDATE "login_throttle" AS t SET
      "failures" = CASE WHEN t."window_start" <= ${cutoff}::timestamptz THEN 1 ELSE t."failures" + 1 END,
      "window_start" = CASE WHEN t."window_start" <= ${cutoff}::timestamptz THEN ${now}::timestamptz ELSE t."window_start" END,
      "locked_until" = CASE
        WHEN t."window_start" > ${cutoff}::timestamptz AND t."failures" + 1 >= ${policy.limit}::int
        THEN t."window_start" + make_interval(secs => ${WINDOW_SECONDS}::int)
        END
    WHERE t."key" = ${key} AND (t."locked_until" IS NULL OR t."window_start" <= ${cutoff}::timestamptz)
    RETURNING t."failures"`
      : await db.$queryRaw<{ failures: number }[]>`
    UPDATE "login_throttle" AS t SET
      "failures" = CASE WHEN t."window_start" <= ${quiet}::timestamptz THEN 1 ELSE t."failures" + 1 END,
      "window_start" = ${now}::timestamptz,
      "locked_until" = CASE
        WHEN t."window_start" > ${quiet}::timestamptz AND t."failures" + 1 >= ${policy.free}::int
        THEN ${now}::timestamptz + make_interval(secs => LEAST(
          power(2, LEAST(t."failures" + 1 - ${policy.free}::int, 20)), ${WINDOW_SECONDS}::int)::int)
        END
    WHERE t."key" = ${key} AND (t."locked_until" IS NULL OR t."locked_until" <= ${now}::timestamptz)
    RETURNING t."failures"`;
  if (taken.length > 0) return { throttled: false, retryAfterSeconds: 0 };
  const row = await db.loginThrottle.findUnique({ where: { key } });
  return { throttled: true, retryAfterSeconds: secondsUntil(row?.lockedUntil ?? null, now) };
}

/** Takes this attempt's slots (see above); `deviceId` is the verified device cookie's, if any. */
export async function reserveAttempt(
  email: string,
  address: string,
  deviceId: string | null,
  now = new Date(),
): Promise<Reservation> {
  if (deviceId) return take(deviceKey(deviceId), { kind: "window", limit: DEVICE_LIMIT }, now);
  const steps: [string, Policy][] = [
    [addressKey(address), { kind: "window", limit: ADDRESS_LIMIT }],
    [pairKey(email, address), { kind: "window", limit: PAIR_LIMIT }],
    [accountKey(email), { kind: "delay", free: ACCOUNT_FREE_ATTEMPTS }],
  ];
  for (const [key, policy] of steps) {
    const r = await take(key, policy, now);
    if (r.throttled) return r;
  }
  return { throttled: false, retryAfterSeconds: 0 };
}

/** After a successful sign-in: the account starts afresh and the address gets its slot back. */
export async function recordSuccess(email: string, address: string, deviceId: string | null): Promise<void> {
  const keys = [accountKey(email), pairKey(email, address), ...(deviceId ? [deviceKey(deviceId)] : [])];
  await db.loginThrottle.deleteMany({ where: { key: { in: keys } } });
  if (deviceId) return;
  await db.$executeRaw`
    UPDATE "login_throttle"
    SET "failures" = GREATEST("failures" - 1, 0),
        "locked_until" = CASE WHEN "failures" - 1 >= ${ADDRESS_LIMIT}::int THEN "locked_until" ELSE NULL END
    WHERE "key" = ${addressKey(address)}`;
}

/** Read-only: whether an untrusted device would be refused for `email` from `address` now, and for how long. */
export async function signInThrottleState(email: string, address = "unknown", now = new Date()): Promise<Reservation> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: [accountKey(email), pairKey(email, address), addressKey(address)] } },
  });
  const waits = rows.filter((r) => r.lockedUntil && r.lockedUntil > now).map((r) => secondsUntil(r.lockedUntil, now));
  return waits.length
    ? { throttled: true, retryAfterSeconds: Math.max(...waits) }
    : { throttled: false, retryAfterSeconds: 0 };
}

/** Wrong current passwords a signed-in user may give the change-password endpoint before each waits longer. */
export const PASSWORD_CHECK_FREE_ATTEMPTS = 5;
export const passwordCheckKey = (userId: string) => `pw-check:${userId}`;

/**
 * The current-password check of a password change has a limit of its own, so a stolen session cannot be used to
 * guess the password (which would then survive a sign-out everywhere): per user, 5 attempts free, then a delay
 * that doubles up to 15 minutes. Taken before the hash is computed; a correct password clears it.
 */
export function reservePasswordCheck(userId: string, now = new Date()): Promise<Reservation> {
  return take(passwordCheckKey(userId), { kind: "delay", free: PASSWORD_CHECK_FREE_ATTEMPTS }, now);
}

export async function clearPasswordChecks(userId: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: passwordCheckKey(userId) } });
}
