import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import { getSyncStatus, readSyncStatus } from "@/lib/order-index/sync-status";
import { indexSearchPage } from "@/lib/order-index/index-writes";
import { saveSyncState } from "@/lib/order-index/sync-state";
import { useTestDatabase } from "@/tests/support/db";

const t = useTestDatabase();
const account = { customerNumber: "20-333333", countryCode: "US" };
const as = (role: Actor["role"]): Actor => ({ id: `u-${role}`, email: `${role}@example.com`, name: null, role });

const order = (n: string) => ({
  ingramOrderNumber: n,
  ingramOrderDate: "2026-11-01",
  orderStatus: "Processing",
  orderTotal: 10,
});

describe("the sync's status for admins", () => {
  it("is refused to viewers and buyers", async () => {
    await expect(getSyncStatus(as("viewer"), t.db, account)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getSyncStatus(as("buyer"), t.db, account)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("counts this account's indexed orders against Ingram's estimate and shows only the current minute's calls", async () => {
    await indexSearchPage(t.db, account, { recordsFound: 3, orders: [order("20-AAAA1"), order("20-AAAA2")] });
    await indexSearchPage(t.db, { ...account, customerNumber: "20-444444" }, { orders: [order("20-BBBB1")] });
    const now = Date.now();
    await saveSyncState(t.db, account, {
      estimatedTotal: 3,
      callsMinute: new Date(Math.floor(now / 60_000) * 60_000),
      searchCalls: 4,
      detailCalls: 7,
      heartbeatAt: new Date(now),
      lastError: "details: Ingram Micro is not answering",
      lastErrorAt: new Date(now),
    });
    // Read on the clock the state was saved with: on the wall clock the minute could turn between the two calls.
    expect(await getSyncStatus(as("admin"), t.db, account)).toMatchObject({ indexed: 2, estimatedTotal: 3 });
    const s = await readSyncStatus(t.db, account, now);
    expect(s).toMatchObject({
      indexed: 2,
      detailed: 0,
      estimatedTotal: 3,
      leaderReporting: true,
      calls: { search: 4, details: 7 },
      lastError: { message: "details: Ingram Micro is not answering", recent: true },
    });

    await saveSyncState(t.db, account, {
      callsMinute: new Date(now - 5 * 60_000),
      heartbeatAt: new Date(now - 5 * 60_000),
      lastErrorAt: new Date(now - 11 * 60_000),
    });
    const later = await readSyncStatus(t.db, account, now);
    expect(later).toMatchObject({
      leaderReporting: false,
      calls: { minute: null, search: 0, details: 0 },
      lastError: { recent: false },
    });
  });
});
