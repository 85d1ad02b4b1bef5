import { describe, expect, it, vi } from "vitest";
import { budgetLimits } from "@/lib/ingram/call-policy";
import type { IngramClient } from "@/lib/ingram/client";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { endpointOf } from "@/lib/ingram/ingram-operations";
import { PgBudget } from "@/lib/ingram-budget/pg-budget";
import { startSync, type SyncClock } from "@/lib/order-index/sync-runner";
import { readSyncStatus } from "@/lib/order-index/sync-status";
import { useTestDatabase } from "@/tests/support/db";
import { useSandbox } from "@/tests/support/sandbox";

// The sync asks the shared budget before each call and waits for its share, so people's reads that have
// spent what the sync may use make it wait, not fail ("No Ingram budget left" on a fresh start), and the
// sync's waiting never takes what people's reads keep. Runs on the sandbox's clock, as the backfill test does.

const t = useTestDatabase();
const h = useSandbox({ orderCount: 40, rateLimitPerMinute: 60 });
const account = { customerNumber: "20-222222", countryCode: "US" };
const GET = endpointOf("get");

describe("the sync against the shared budget", () => {
  it("waits for the budget's sync share instead of being refused, and leaves people's share alone", async () => {
    const sb = h.sandbox;
    const limits = budgetLimits();
    const budget = new PgBudget(t.db, limits);
    const client = h.resetClient({ now: () => sb.clock.now(), budget });
    const start = sb.clock.now();
    // People's reads spent everything the sync may use of the details endpoint (60 less its reserve of 30).
    const spentBySync = limits.perMinute - limits.reserve.sync;
    for (let i = 0; i < spentBySync; i++) {
      const g = await budget.acquire({ endpoint: GET, priority: "interactive", userId: `u${i % 3}`, now: start });
      expect(g.granted).toBe(true);
    }
    expect(await budget.peek({ endpoint: GET, priority: "sync", now: start })).toBeGreaterThan(0);

    const refusals: IngramError[] = [];
    const detailCallsAt: number[] = [];
    const watched: IngramClient = {
      ...client,
      async getOrder(...args) {
        try {
          const res = await client.getOrder(...args);
          detailCallsAt.push(sb.clock.now());
          return res;
        } catch (err) {
          if (err instanceof IngramError && err.kind === "budget") refusals.push(err);
          throw err;
        }
      },
      async searchOrders(...args) {
        try {
          return await client.searchOrders(...args);
        } catch (err) {
          if (err instanceof IngramError && err.kind === "budget") refusals.push(err);
          throw err;
        }
      },
    };
    // While the sync runs, a person keeps reading: every read must still be granted.
    const peopleRefused: number[] = [];
    let sleeps = 0;
    const clock: SyncClock = {
      now: () => sb.clock.now(),
      async sleep(ms, signal) {
        signal.throwIfAborted();
        sb.clock.advance(Math.min(ms, 500));
        if (++sleeps % 20 === 0) {
          const d = await budget.acquire({ endpoint: GET, priority: "interactive", userId: "p", now: sb.clock.now() });
          if (!d.granted) peopleRefused.push(sb.clock.now());
        }
        await new Promise((r) => setTimeout(r, 0));
        signal.throwIfAborted();
      },
    };
    const runner = startSync({
      db: t.db,
      account,
      lockUrl: null,
      client: () => watched,
      clock,
      historyDays: 30,
      callsPerMinute: 20,
      recentMs: 60_000,
      activeRefreshMs: 3_600_000,
      finalRefreshMs: 86_400_000,
      fullPassMs: 86_400_000,
      errorBackoffMs: 1_000,
    });
    try {
      await vi.waitFor(
        async () => expect((await readSyncStatus(t.db, account, sb.clock.now())).lastFullPassAt).not.toBeNull(),
        { timeout: 120_000, interval: 200 },
      );
    } finally {
      await runner.stop();
    }

    expect(refusals.map((e) => e.message)).toEqual([]);
    expect((await readSyncStatus(t.db, account, sb.clock.now())).lastError).toBeNull();
    // The first details call waited until people's grants had left the budget's window.
    expect(detailCallsAt.length).toBeGreaterThan(0);
    expect(Math.min(...detailCallsAt)).toBeGreaterThanOrEqual(start + limits.windowMs);
    expect(peopleRefused).toEqual([]);
  }, 150_000);
});
