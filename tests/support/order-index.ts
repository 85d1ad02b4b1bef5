// Fills the order index without Ingram: sandbox orders rendered as Ingram's detail (as a sync or a read would
// write them), or synthetic rows in bulk for scale tests and benchmarks. Both leave the sync's state as a
// finished full pass would, so that lists answer from the index.
import type { Db } from "@/lib/db";
import type { OrderDetail as IngramOrderDetail } from "@/lib/ingram/schemas/order-detail";
import { renderDetail } from "@/lib/ingram/sandbox/render";
import type { Sandbox } from "@/lib/ingram/sandbox/start-sandbox";
import { indexAccount } from "@/lib/order-index/index-detail";
import { indexOrderDetail } from "@/lib/order-index/index-writes";

/** Writes the named sandbox orders' details into the index as a details read at `at`; returns the raw details. */
export async function indexSandboxOrders(
  db: Db,
  sandbox: Sandbox,
  orderNumbers: string[],
  at = new Date(),
): Promise<IngramOrderDetail[]> {
  const out: IngramOrderDetail[] = [];
  for (const n of orderNumbers) {
    const order = sandbox.store.getOrder(n);
    if (!order) throw new Error(`the sandbox has no order ${n}`);
    const raw = renderDetail(order) as IngramOrderDetail;
    await indexOrderDetail(db, indexAccount(), raw, "details", at);
    out.push(raw);
  }
  await markFullPassDone(db, at);
  return out;
}

/** The sync's state after a finished full pass over the account's history. */
export async function markFullPassDone(db: Db, at = new Date()): Promise<void> {
  const account = indexAccount();
  await db.syncState.upsert({
    where: { customerNumber_countryCode: account },
    create: { ...account, lastFullPassAt: at },
    update: { lastFullPassAt: at },
  });
}

export const BULK_PREFIX = "90-";
export const bulkOrderNumber = (i: number) => `${BULK_PREFIX}${i.toString(36).toUpperCase().padStart(6, "0")}`;

/**
 * `count` synthetic top-level orders for the configured account (order numbers 90-…), totals spread
 * pseudo-randomly below 100,000 except `maxAt`, which holds the one largest total (123,456.78).
 */
export async function fillIndexInBulk(db: Db, count: number, maxAt = Math.floor(count * 0.73)): Promise<void> {
  const account = indexAccount();
  const at = new Date();
  for (let start = 0; start < count; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      const n = bulkOrderNumber(i);
      const endCustomer = `BULK CUSTOMER ${i % 97}`;
      rows.push({
        ...account,
        orderNumber: n,
        status: i % 5 === 0 ? "shipped" : "open",
        ingramStatus: i % 5 === 0 ? "Shipped" : "Open",
        orderDate: new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000),
        customerOrderNumber: `BULK-PO-${i}`,
        endCustomerName: endCustomer,
        vendorNames: [`VENDOR ${i % 13}`],
        total: i === maxAt ? "123456.78" : (((i * 7919) % 9_999_991) / 100).toFixed(2),
        currency: "USD",
        searchText: [n, `bulk-po-${i}`, endCustomer, `vendor ${i % 13}`].join(" ").toLowerCase(),
        lastSeenAt: at,
        lastSeenVia: "search",
        summaryFetchedAt: at,
      });
    }
    await db.indexedOrder.createMany({ data: rows });
  }
  await markFullPassDone(db, at);
}
