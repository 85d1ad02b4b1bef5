import "server-only";

/*
 * The sync's own share of Ingram's calls: a sliding window of issued slots per endpoint, so that no 60 s window
 * holds more than `limit` of the sync's calls; the shared budget then decides whether each call may go.
 */
export interface RatePacerOptions {
  limit: number; // calls per window
  windowMs?: number; // default 60000
  now?: () => number;
}

export type PaceResult = { ok: true; waitMs: number } | { ok: false; retryAfterMs: number };

export class RatePacer {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly slots = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(opts: RatePacerOptions) {
    this.limit = Math.max(1, Math.floor(opts.limit));
    this.windowMs = opts.windowMs ?? 60_000;
    this.now = opts.now ?? Date.now;
  }

  /** Reserve a slot for `key` no later than `maxWaitMs` from now. */
  reserve(key: string, maxWaitMs: number): PaceResult {
    const now = this.now();
    const list = this.slots.get(key) ?? [];
    while (list.length && list[0]! <= now - this.windowMs) list.shift();
    let at = Math.max(now, this.pausedUntil.get(key) ?? 0);
    if (list.length >= this.limit) at = Math.max(at, list[list.length - this.limit]! + this.windowMs);
    const waitMs = at - now;
    if (waitMs > maxWaitMs) return { ok: false, retryAfterMs: waitMs };
    list.push(at);
    this.slots.set(key, list);
    return { ok: true, waitMs };
  }

  /** Upstream said 429: hold every call for `key` until `untilMs` (epoch ms). */
  pause(key: string, untilMs: number): void {
    if (untilMs > (this.pausedUntil.get(key) ?? 0)) this.pausedUntil.set(key, untilMs);
  }
}
