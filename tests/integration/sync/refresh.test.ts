import { describe, expect, it, vi } from "vitest";
import { newCorrelationId } from "@/lib/correlation-id";
import { FINAL_STATES } from "@/lib/order-index/refresh-details";
import { readSyncStatus } from "@/lib/order-index/sync-status";
import { startSync, type SyncClock } from "@/lib/order-index/sync-runner";
import { useTestDatabase } from "@/tests/support/db";
import { useSandbox } from "@/tests/support/sandbox";

// After the first full pass the sync keeps the index fresh: new orders arrive through the recent window,
// active orders are re-read on their short schedule, final ones wait for their long one. The sync runs on the
// sandbox's clock (waiting moves it forward by at most 500 ms a time).

const t = useTestDatabase();
const h = useSandbox({ orderCount: 60 });

const account = { customerNumber: "20-222222", countryCode: "US" };
// Shorter than the first pass takes at 5 calls a minute: re-reads fall due before the pass is complete.
const ACTIVE_MS = 60_000;

describe("the sync after its first full pass", () => {
  it("indexes new orders through the recent window and re-reads active orders, not final ones", async () => {
    const sb = h.sandbox;
    const clock: SyncClock = {
      now: () => sb.clock.now(),
      async sleep(ms, signal) {
        signal.throwIfAborted();
        sb.clock.advance(Math.min(ms, 500));
        await new Promise((r) => setTimeout(r, 0));
        signal.throwIfAborted();
      },
    };
    const runner = startSync({
      db: t.db,
      account,
      lockUrl: null,
      clock,
      historyDays: 30,
      callsPerMinute: 5,
      recentMs: 60_000,
      activeRefreshMs: ACTIVE_MS,
      finalRefreshMs: 30 * 86_400_000,
      fullPassMs: 30 * 86_400_000,
      errorBackoffMs: 1_000,
    });
    try {
      await vi.waitFor(
        async () => expect((await readSyncStatus(t.db, account, sb.clock.now())).lastFullPassAt).not.toBeNull(),
        { timeout: 60_000, interval: 100 },
      );
      const passEnd = (await readSyncStatus(t.db, account, sb.clock.now())).lastFullPassAt!;
      const before = await t.db.indexedOrder.findMany({
        where: { ...account, parentOrderNumber: null },
        select: { orderNumber: true, status: true, detailFetchedAt: true },
      });
      const active = before.filter((o) => !FINAL_STATES.includes(o.status));
      const final = before.filter((o) => FINAL_STATES.includes(o.status));
      expect(active.length).toBeGreaterThan(0);
      expect(final.length).toBeGreaterThan(0);

      const created = await h.client.createOrder(
        {
          customerOrderNumber: "SYNC-NEW-1",
          lines: [{ customerLineNumber: "1", ingramPartNumber: "TSXML1", quantity: 1 }],
        },
        { correlationId: newCorrelationId() },
      );
      const newNumber = created.data.orders?.[0]?.ingramOrderNumber;
      expect(newNumber).toBeTruthy();

      const detailTimes = async () =>
        new Map(
          (
            await t.db.indexedOrder.findMany({
              where: { ...account, orderNumber: { in: before.map((o) => o.orderNumber) } },
              select: { orderNumber: true, detailFetchedAt: true },
            })
          ).map((o) => [o.orderNumber, o.detailFetchedAt!.getTime()]),
        );
      await vi.waitFor(
        async () => {
          const fresh = await t.db.indexedOrder.findUnique({
            where: { customerNumber_countryCode_orderNumber: { ...account, orderNumber: newNumber! } },
          });
          expect(fresh).toMatchObject({ customerOrderNumber: "SYNC-NEW-1", lineCount: 1 });
          expect(fresh?.detailFetchedAt).not.toBeNull();
          const after = await detailTimes();
          for (const o of active) expect(after.get(o.orderNumber)).toBeGreaterThan(o.detailFetchedAt!.getTime());
        },
        { timeout: 60_000, interval: 100 },
      );
      const after = await detailTimes();
      for (const o of final) expect(after.get(o.orderNumber)).toBe(o.detailFetchedAt!.getTime());
      expect((await readSyncStatus(t.db, account, sb.clock.now())).lastFullPassAt).toEqual(passEnd);
    } finally {
      await runner.stop();
    }
  }, 150_000);
});
