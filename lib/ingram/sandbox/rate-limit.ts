import type { SandboxClock } from "./clock.ts";
import { json } from "./responses.ts";
import type { Reply } from "./sandbox-types.ts";
import { uuid } from "./util.ts";

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/** Fixed one-minute windows on the sandbox clock, one counter per endpoint (Ingram: 60 GET calls/min/endpoint). */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number | null,
    private readonly clock: SandboxClock,
  ) {}

  check(key: string): RateDecision {
    if (this.limit === null) return { allowed: true, headers: {} };
    const now = this.clock.now();
    const start = Math.floor(now / 60_000) * 60_000;
    let w = this.windows.get(key);
    if (!w || w.start !== start) {
      w = { start, count: 0 };
      this.windows.set(key, w);
    }
    const allowed = w.count < this.limit;
    if (allowed) w.count++;
    const reset = start + 60_000;
    const headers: Record<string, string> = {
      "x-ratelimit-limit": String(this.limit),
      "x-ratelimit-remaining": String(Math.max(0, this.limit - w.count)),
      "x-ratelimit-reset": String(Math.ceil(reset / 1000)),
    };
    if (!allowed) headers["retry-after"] = String(Math.max(1, Math.ceil((reset - now) / 1000)));
    return { allowed, headers };
  }

  reset(): void {
    this.windows.clear();
  }
}

/** Portal shape `{ errors: [{ field: null, message: "too many requests" }] }`, plus ErrorResponse's id/type. */
export function tooManyRequests(headers: Record<string, string>): Reply {
  return json(
    429,
    { errors: [{ id: uuid(), type: "/errors/too-many-requests", field: null, message: "too many requests" }] },
    headers,
  );
}
