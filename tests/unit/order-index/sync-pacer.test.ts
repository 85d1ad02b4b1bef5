import { describe, expect, it } from "vitest";
import { RatePacer } from "@/lib/order-index/sync-pacer";

// The sync's own share per endpoint, on a clock the test moves: deterministic, whatever the machine is doing.
describe("RatePacer", () => {
  it("grants the whole share at once, then the next call only when the first slot leaves the window", () => {
    let now = 1_000_000;
    const pacer = new RatePacer({ limit: 20, windowMs: 61_000, now: () => now });
    for (let i = 0; i < 20; i++) expect(pacer.reserve("get", 0)).toEqual({ ok: true, waitMs: 0 });
    expect(pacer.reserve("get", 0)).toEqual({ ok: false, retryAfterMs: 61_000 });
    // Another endpoint has its own share.
    expect(pacer.reserve("search", 0)).toEqual({ ok: true, waitMs: 0 });
    now += 60_999;
    expect(pacer.reserve("get", 0)).toEqual({ ok: false, retryAfterMs: 1 });
    now += 1;
    // All twenty left the window together: the next twenty go at once, the twenty-first waits a window again.
    for (let i = 0; i < 20; i++) expect(pacer.reserve("get", 0)).toEqual({ ok: true, waitMs: 0 });
    expect(pacer.reserve("get", 0)).toEqual({ ok: false, retryAfterMs: 61_000 });
  });

  it("never lets more than the share into any window, when callers plan ahead", () => {
    let now = 0;
    const pacer = new RatePacer({ limit: 20, windowMs: 61_000, now: () => now });
    const sent: number[] = [];
    for (let i = 0; i < 100; i++) {
      const slot = pacer.reserve("get", Number.POSITIVE_INFINITY);
      expect(slot.ok).toBe(true);
      if (slot.ok) sent.push(now + slot.waitMs);
      now += 700;
    }
    expect(sent).toHaveLength(100);
    for (const t of sent) expect(sent.filter((s) => s >= t && s < t + 61_000).length).toBeLessThanOrEqual(20);
    // And it uses the share: the first window holds exactly 20.
    expect(sent.filter((s) => s < 61_000)).toHaveLength(20);
  });

  it("holds every call for an endpoint after Ingram's 429 until the given time", () => {
    let now = 0;
    const pacer = new RatePacer({ limit: 20, now: () => now });
    pacer.pause("get", 5_000);
    expect(pacer.reserve("get", 0)).toEqual({ ok: false, retryAfterMs: 5_000 });
    now = 5_000;
    expect(pacer.reserve("get", 0)).toEqual({ ok: true, waitMs: 0 });
  });
});
