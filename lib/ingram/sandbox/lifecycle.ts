export class SandboxClosedError extends Error {
  constructor() {
    super("sandbox closed");
  }
}

/** Owns every timer the sandbox starts so close() can cancel them all and never hang. */
export class Lifecycle {
  closed = false;
  private timers = new Set<NodeJS.Timeout>();
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  later(ms: number, fn: () => void): void {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new SandboxClosedError());
      const onAbort = () => reject(new SandboxClosedError());
      this.controller.signal.addEventListener("abort", onAbort, { once: true });
      this.later(ms, () => {
        this.controller.signal.removeEventListener("abort", onAbort);
        resolve();
      });
    });
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.controller.abort();
  }
}
