/*
 * Consecutive-failure circuit breaker (RELIABILITY "Circuit breaker"): after `failureThreshold` failures
 * in a row it opens and callers fail fast; once `openMs` has passed it lets exactly one probe through
 * (half-open). A successful probe closes it, a failed one re-opens it for another `openMs`.
 */

export interface CircuitBreakerOptions {
  failureThreshold?: number; // default 5
  openMs?: number; // default 5000
  now?: () => number;
}

export type CircuitState = "closed" | "open" | "half-open";

export interface Permit {
  /** Report the outcome; only the first call counts. */
  success(): void;
  failure(): void;
  /** The call ended without saying anything about upstream health (e.g. the caller aborted). */
  release(): void;
}

export class CircuitBreaker {
  private readonly threshold: number;
  private readonly openMs: number;
  private readonly now: () => number;
  private failures = 0;
  private openedAt = 0;
  private state: CircuitState = "closed";
  private probing = false;

  constructor(opts: CircuitBreakerOptions = {}) {
    this.threshold = Math.max(1, opts.failureThreshold ?? 5);
    this.openMs = Math.max(0, opts.openMs ?? 5000);
    this.now = opts.now ?? Date.now;
  }

  get currentState(): CircuitState {
    return this.state;
  }

  /** A permit to call upstream, or the milliseconds until a probe may be tried. */
  acquire(): Permit | { retryInMs: number } {
    if (this.state === "closed") return this.permit(false);
    const wait = this.openedAt + this.openMs - this.now();
    if (this.probing || wait > 0) return { retryInMs: Math.max(wait, 1) };
    this.state = "half-open";
    this.probing = true;
    return this.permit(true);
  }

  private permit(probe: boolean): Permit {
    let done = false;
    const once = (fn: () => void) => () => {
      if (done) return;
      done = true;
      if (probe) this.probing = false;
      fn();
    };
    return {
      success: once(() => {
        this.failures = 0;
        this.state = "closed";
      }),
      failure: once(() => {
        this.failures++;
        if (probe || this.failures >= this.threshold) this.trip();
      }),
      release: once(() => {
        if (probe) this.state = "open";
      }),
    };
  }

  private trip(): void {
    this.state = "open";
    this.openedAt = this.now();
  }
}
