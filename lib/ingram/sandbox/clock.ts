export interface SandboxClock {
  now(): number;
  advance(ms: number): void;
  reset(): void;
}

/** Wall-clock time plus a test-controlled offset; holds, tokens and rate windows all read this. */
export function createClock(): SandboxClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms: number) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError("advance(ms) needs a finite ms >= 0");
      offset += ms;
    },
    reset: () => {
      offset = 0;
    },
  };
}
