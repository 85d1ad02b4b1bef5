export interface SandboxClock {
  now(): number;
  advance(ms: number): void;
  reset(): void;
}

/**
 * Wall-clock time plus a test-controlled offset; holds, tokens and rate windows all read this. `startAt` makes
 * the clock read that instant now and run on from it; reset() returns to that starting shift.
 */
export function createClock(startAt?: number): SandboxClock {
  const initial = startAt === undefined ? 0 : startAt - Date.now();
  let offset = initial;
  return {
    now: () => Date.now() + offset,
    advance: (ms: number) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError("advance(ms) needs a finite ms >= 0");
      offset += ms;
    },
    reset: () => {
      offset = initial;
    },
  };
}
