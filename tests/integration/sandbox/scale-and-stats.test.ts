import { describe, expect, it } from "vitest";
import { SANDBOX_FIXTURES as F } from "@/lib/ingram/sandbox/fixtures";
import { startSandbox } from "@/lib/ingram/sandbox/start-sandbox";
import { useHarness } from "./helpers.ts";

describe("a sandbox with many orders", () => {
  // How long the start takes is the machine's business, not a test's: it is within the suite's hook timeout.
  const h = useHarness(() => ({ orderCount: 10_000, rateLimitPerMinute: 60, seed: 7 }));

  it("starts with 10,000 generated orders, the same orders for the same seed", async () => {
    expect(h.sb.store.size).toBeGreaterThanOrEqual(10_000);
    const again = await startSandbox({ orderCount: 10_000, seed: 7, rateLimitPerMinute: null });
    const other = await startSandbox({ orderCount: 10_000, seed: 8, rateLimitPerMinute: null });
    try {
      const numbers = (sb: { store: { listOrders(): { ingramOrderNumber: string; customerOrderNumber: string }[] } }) =>
        sb.store.listOrders().map((o) => `${o.ingramOrderNumber} ${o.customerOrderNumber}`);
      expect(numbers(again)).toEqual(numbers(h.sb));
      expect(numbers(other)).not.toEqual(numbers(h.sb));
    } finally {
      await again.close();
      await other.close();
    }
  });

  it("counts calls per operation per minute, in process and at GET /__sandbox/stats, and keeps 60 GET/min per endpoint", async () => {
    h.sb.stats.reset();
    const now = h.sb.clock.now();
    h.sb.clock.advance(60_000 - (now % 60_000) + 10);
    const minute = h.sb.clock.now();
    const search = () =>
      h.api("GET", `/resellers/v6/orders/search?customerOrderNumber=${F.multiPagePo.term}&pageSize=1`);
    for (let i = 0; i < 60; i++) expect((await search()).status).toBe(200);
    expect((await search()).status).toBe(429);
    // Each endpoint has its own 60: details still answer.
    for (let i = 0; i < 3; i++)
      expect((await h.api("GET", `/resellers/v6.1/orders/${F.processingOrderNumber}`)).status).toBe(200);

    expect(h.sb.stats.countInMinute("search", minute)).toBe(61);
    expect(h.sb.stats.countInMinute("get", minute)).toBe(3);
    h.sb.clock.advance(60_000);
    expect((await search()).status).toBe(200);
    expect(h.sb.stats.countInMinute("search", h.sb.clock.now())).toBe(1);
    expect(h.sb.stats.countInMinute("search", minute)).toBe(61);

    const res = await fetch(`${h.sb.url}/__sandbox/stats`);
    const stats = (await res.json()) as {
      counts: Record<string, number>;
      perMinute: { minute: string; counts: Record<string, number> }[];
    };
    expect(stats.counts.search).toBe(62);
    expect(stats.perMinute).toEqual([
      { minute: new Date(minute - (minute % 60_000)).toISOString(), counts: { search: 61, get: 3 } },
      { minute: new Date(minute - (minute % 60_000) + 60_000).toISOString(), counts: { search: 1 } },
    ]);
    await fetch(`${h.sb.url}/__sandbox/stats`, { method: "DELETE" });
    expect(h.sb.stats.perMinute()).toEqual([]);
  });
});
