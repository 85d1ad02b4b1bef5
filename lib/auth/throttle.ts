import "server-only";
import { isIP } from "node:net";
import { db } from "@/lib/db";

/**
 * Sign-in throttling over the LoginThrottle table, shared by every portal instance. Each attempt reserves a slot
 * atomically BEFORE any hash is computed, so concurrent guesses cannot overrun the limit: per account 5 attempts
 * per 15-minute window, per client address 50. A successful sign-in clears the account's window and gives its
 * slot back to the address. Windows are fixed: they start at the first attempt and end 15 minutes later.
 */
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 50;
export const WINDOW_SECONDS = 15 * 60;

export interface ThrottleState {
  throttled: boolean;
  /** Seconds until the earliest attempt would be accepted again; 0 when not throttled. */
  retryAfterSeconds: number;
}

export interface Reservation extends ThrottleState {
  /** True for the first refused attempt of a window (worth one audit event; later refusals are not). */
  firstRefusal: boolean;
}

export const accountKey = (email: string) => `acct:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/**
 * The client address used for throttling. Behind a trusted reverse proxy (TRUST_PROXY=1) only the LAST
 * X-Forwarded-For entry, the one that proxy wrote, is believed.
 */
export function clientAddress(headers: HeaderSource, trustProxy: boolean): string {
  const entries = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (trustProxy) {
    const last = entries.at(-1);
    return last && isIP(last) ? last : "unknown";
  }
  // Without a proxy, `next start` fills the header from the socket only when the client sent none; a client
  // that sends its own can dodge the per-address limit (the per-account limit still holds) but cannot make
  // every user share one bucket.
  const only = entries.length === 1 ? entries[0] : undefined;
  return only && isIP(only) ? only : "unknown";
}

function secondsUntil(until: Date | null, now: Date): number {
  return until ? Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 1000)) : 0;
}

/** Read-only view: whether an account or address is refused now, and for how long. */
export async function throttleState(email: string | null, address: string, now = new Date()): Promise<ThrottleState> {
  const keys = [addressKey(address), ...(email ? [accountKey(email)] : [])];
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys } } });
  const retryAfterSeconds = Math.max(0, ...rows.map((r) => secondsUntil(r.lockedUntil, now)));
  return { throttled: retryAfterSeconds > 0, retryAfterSeconds };
}

/** The throttle as one account sees it (with `address` standing for where it signs in from). */
export function signInThrottleState(email: string, address = "local", now = new Date()): Promise<ThrottleState> {
  return throttleState(email, address, now);
}

async function reserveKey(
  key: string,
  limit: number,
  now: Date,
): Promise<{ attempts: number; lockedUntil: Date | null }> {
  const cutoff = new Date(now.getTime() - WINDOW_SECONDS * 1000);
  const rows = await db.$queryRaw<{ failures: number; locked_until: Date | null }[]>`
    INSERT INTO "login_throttle" AS t ("key", "failures", "window_start", "locked_until")
    VALUES (${key}, 1, ${now}::timestamptz, NULL)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN t."window_start" <= ${cutoff}::timestamptz THEN 1 ELSE t."failures" + 1 END,
      "window_start" = CASE WHEN t."window_start" <= ${cutoff}::timestamptz THEN ${now}::timestamptz ELSE t."window_start" END,
      "locked_until" = CASE
        WHEN t."window_start" <= ${cutoff}::timestamptz THEN NULL
        WHEN t."failures" + 1 >= ${limit}::int THEN t."window_start" + make_interval(secs => ${WINDOW_SECONDS}::int)
        ELSE NULL END
    RETURNING "failures", "locked_until"`;
  const row = rows[0];
  if (!row) throw new Error("login_throttle upsert returned no row");
  return { attempts: Number(row.failures), lockedUntil: row.locked_until };
}

/** Takes one attempt slot for the account and the address; refused when either is over its limit. */
export async function reserveAttempt(email: string, address: string, now = new Date()): Promise<Reservation> {
  const [acct, addr] = await Promise.all([
    reserveKey(accountKey(email), ACCOUNT_LIMIT, now),
    reserveKey(addressKey(address), ADDRESS_LIMIT, now),
  ]);
  const acctOver = acct.attempts > ACCOUNT_LIMIT;
  const addrOver = addr.attempts > ADDRESS_LIMIT;
  const retryAfterSeconds = Math.max(
    acctOver ? secondsUntil(acct.lockedUntil, now) : 0,
    addrOver ? secondsUntil(addr.lockedUntil, now) : 0,
  );
  return {
    throttled: acctOver || addrOver,
    retryAfterSeconds: acctOver || addrOver ? Math.max(1, retryAfterSeconds) : 0,
    firstRefusal: acct.attempts === ACCOUNT_LIMIT + 1 || addr.attempts === ADDRESS_LIMIT + 1,
  };
}

/** After a successful sign-in: the account starts afresh and the address gets its slot back. */
export async function recordSuccess(email: string, address: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: accountKey(email) } });
  await db.$executeRaw`
    UPDATE "login_throttle"
    SET "failures" = GREATEST("failures" - 1, 0),
        "locked_until" = CASE WHEN "failures" - 1 >= ${ADDRESS_LIMIT}::int THEN "locked_until" ELSE NULL END
    WHERE "key" = ${addressKey(address)}`;
}
