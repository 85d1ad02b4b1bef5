import { describe, expect, it, vi } from "vitest";
import { readSyncStatus, type SyncStatus } from "@/lib/order-index/sync-status";
import { startSync, type SyncClock } from "@/lib/order-index/sync-runner";
import { useTestDatabase } from "@/tests/support/db";
import { useSandbox } from "@/tests/support/sandbox";

// The sync runs on the sandbox's clock: waiting moves that clock forward (in steps of at most 500 ms), so
// minutes pass at the sandbox, its 60-a-minute limit and its per-minute counts, without waiting for them.

const t = useTestDatabase();
const h = useSandbox({ orderCount: 400, rateLimitPerMinute: 60 });

const account = { customerNumber: "20-222222", countryCode: "US" };
const SHARE = 20;
const HISTORY_DAYS = 30;
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("the sync's backfill", () => {
  it("fills the index with every order of the history, within its share of each endpoint, showing progress", async () => {
    const sb = h.sandbox;
    sb.stats.reset();
    const start = sb.clock.now();
    const from = ymd(start - HISTORY_DAYS * 86_400_000);
    const to = ymd(start);
    const expected = sb.store
      .listOrders()
      .filter((o) => ymd(o.createdAt) >= from && ymd(o.createdAt) <= to)
      .map((o) => o.ingramOrderNumber)
      .sort();
    expect(expected.length).toBeGreaterThan(SHARE * 2);

    const seen: SyncStatus[] = [];
    let sleeps = 0;
    const clock: SyncClock = {
      now: () => sb.clock.now(),
      async sleep(ms, signal) {
        signal.throwIfAborted();
        sb.clock.advance(Math.min(ms, 500));
        if (++sleeps % 25 === 0) seen.push(await readSyncStatus(t.db, account, sb.clock.now()));
        await new Promise((r) => setTimeout(r, 0));
        signal.throwIfAborted();
      },
    };
    const runner = startSync({
      db: t.db,
      account,
      lockUrl: null,
      clock,
      historyDays: HISTORY_DAYS,
      callsPerMinute: SHARE,
      recentMs: 60_000,
      activeRefreshMs: 3_600_000,
      finalRefreshMs: 86_400_000,
      fullPassMs: 86_400_000,
      errorBackoffMs: 1_000,
    });
    try {
      await vi.waitFor(
        async () => {
          const st = await readSyncStatus(t.db, account, sb.clock.now());
          expect(st.lastFullPassAt).not.toBeNull();
        },
        { timeout: 120_000, interval: 200 },
      );
    } finally {
      await runner.stop();
    }

    const rows = await t.db.indexedOrder.findMany({
      where: { ...account, parentOrderNumber: null },
      select: { orderNumber: true, detailFetchedAt: true, lineCount: true },
    });
    expect(rows.map((r) => r.orderNumber).sort()).toEqual(expected);
    expect(rows.every((r) => r.detailFetchedAt !== null && (r.lineCount ?? 0) > 0)).toBe(true);
    // The filled index was analyzed when the pass ended: the list's planner does not see an empty table.
    const [stats] = await t.db.$queryRaw<{ analyzed: boolean }[]>`
      SELECT last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relname = 'order_index'`;
    expect(stats?.analyzed).toBe(true);

    // Within the share in every sandbox minute, so never a 429 and 40 of Ingram's 60 left for people.
    const minutes = sb.stats.perMinute();
    expect(minutes.length).toBeGreaterThan(1);
    for (const m of minutes) {
      expect(m.counts.search ?? 0).toBeLessThanOrEqual(SHARE);
      expect(m.counts.get ?? 0).toBeLessThanOrEqual(SHARE);
    }
    // That the sync uses its whole share is shown on the pacer's own clock (tests/unit/order-index/sync-pacer.test.ts):
    // here the leader's other loops move the shared test clock while a call is in flight, so how many calls land
    // in one sandbox minute depends on the machine's scheduling.
    expect(sb.stats.count("get")).toBeGreaterThanOrEqual(expected.length);

    // Progress was readable while it ran: Ingram's estimate, and a count that grew towards it.
    const during = seen.filter((s) => s.lastFullPassAt === null && s.passStartedAt !== null);
    expect(during.some((s) => s.estimatedTotal === expected.length)).toBe(true);
    expect(during.some((s) => s.detailed > 0 && s.detailed < expected.length)).toBe(true);
    const detailed = during.map((s) => s.detailed);
    expect(detailed).toEqual([...detailed].sort((a, b) => a - b));
    const final = await readSyncStatus(t.db, account, sb.clock.now());
    expect(final).toMatchObject({ indexed: expected.length, detailed: expected.length, lastError: null });
  }, 150_000);
});
