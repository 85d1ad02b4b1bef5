/*
 * Retry timing for idempotent calls (RELIABILITY "Retries"): only GETs, only on 429/502/503/504 or a
 * connection failure, at most `maxRetries` times, full-jitter exponential backoff, never sooner than
 * Retry-After, and never past the call's deadline.
 */

export const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date. Undefined when absent/invalid. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** X-RateLimit-Reset is documented both as epoch seconds and as seconds to wait (CONTRACT §5). */
export function parseRateLimitReset(value: string | null, now = Date.now()): number | undefined {
  if (!value || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  const n = Number(value.trim());
  return n > 1e9 ? Math.max(0, n * 1000 - now) : n * 1000;
}

/** Milliseconds to wait before attempt `attempt + 1` (attempt counts from 0). */
export function backoffMs(attempt: number, baseMs: number, retryAfterMs?: number, random = Math.random): number {
  const ceiling = baseMs * 2 ** attempt;
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}
