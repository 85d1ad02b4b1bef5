import "server-only";
import { type Db, db, hotQuery } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import type { OrderDetail as IngramOrderDetail } from "@/lib/ingram/schemas/order-detail";
import { log } from "@/lib/log";
import { type IndexAccount, indexOrderDetail, type SeenVia } from "./index-writes";

/** The Ingram account this portal serves: every index read and write is scoped to it. */
export function indexAccount(): IndexAccount {
  return { customerNumber: env.ingram.customerNumber, countryCode: env.ingram.countryCode };
}

export interface IndexedDetail {
  raw: IngramOrderDetail;
  fetchedAt: Date;
}

/** The last full detail Ingram sent for this order (or the order a sub-order belongs to), if any. */
export async function indexedDetail(db: Db, account: IndexAccount, orderNumber: string): Promise<IndexedDetail | null> {
  // Read on every order page and API read: prepared once per connection (hotQuery).
  const [row] = await hotQuery<{ detail: IngramOrderDetail | null; detail_fetched_at: Date | null }>(db, {
    text: `SELECT detail, detail_fetched_at FROM order_index
           WHERE customer_number = $1 AND country_code = $2 AND order_number = $3`,
    values: [account.customerNumber, account.countryCode, orderNumber.toUpperCase()],
  });
  if (!row?.detail || !row.detail_fetched_at) return null;
  return { raw: row.detail, fetchedAt: row.detail_fetched_at };
}

/** True while a detail fetched at `at` may still answer without asking Ingram. */
export function isFresh(at: Date, now = Date.now(), windowSeconds = env.orderFreshSeconds): boolean {
  return now - at.getTime() < windowSeconds * 1000;
}

/**
 * Writes a detail Ingram just sent into the index. The index is a copy: failing to update it is logged and
 * never fails the change or webhook that read the order.
 */
export async function writeThrough(raw: IngramOrderDetail, via: SeenVia, correlationId?: string): Promise<void> {
  try {
    await indexOrderDetail(db, indexAccount(), raw, via);
  } catch (err) {
    log("warn", "writing an order into the order index failed", { correlationId, via, err });
  }
}
