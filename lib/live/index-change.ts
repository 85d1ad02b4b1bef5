import "server-only";
import type { Prisma } from "@/prisma/generated/client/client";
import { CHANGE_CHANNEL, accountKey, changeFeed, encodeChange, type OrderChange } from "./change-feed";
import { kickNotificationMail, mailSettings } from "./notification-mailer";

type Tx = Prisma.TransactionClient;

export interface IndexRowKey {
  customerNumber: string;
  countryCode: string;
  orderNumber: string;
}

/**
 * For the index writes' transactions: the embedded database serves one connection, so a transaction may queue
 * behind other queries for as long as the pool lets any query wait (lib/db.ts).
 */
export const INDEX_TX = { maxWait: 30_000, timeout: 30_000 } as const;

/** The row as it was before a write, locked until the writing transaction ends. */
export interface RowBefore {
  status: string;
  lastSeenAt: Date;
  /** The JSON about to be written equals the JSON the row holds. */
  same: boolean;
  hasDetail: boolean;
  vendorNames: string[];
  searchText: string;
}

/**
 * Locks index rows of one account (FOR UPDATE) and says how each stood, so that of two writers of one change only
 * the first sees a change: the second waits for the first's commit and then finds the row already up to date.
 * One statement for a search page or an order and its sub-orders, rows locked in order-number order so that two
 * writers of overlapping sets cannot deadlock. Rows the index does not hold are absent.
 */
export async function lockIndexRows(
  tx: Tx,
  account: { customerNumber: string; countryCode: string },
  column: "detail" | "summary",
  rows: { orderNumber: string; content: unknown }[],
): Promise<Map<string, RowBefore>> {
  const found = await tx.$queryRawUnsafe<
    {
      order_number: string;
      status: string;
      last_seen_at: Date;
      same: boolean;
      has_detail: boolean;
      vendor_names: string[];
      search_text: string;
    }[]
  >(
    `SELECT o.order_number, o.status, o.last_seen_at, (o.${column} IS NOT DISTINCT FROM x.content) AS same,
            (o.detail IS NOT NULL) AS has_detail, o.vendor_names, o.search_text
       FROM order_index o JOIN unnest($3::text[], $4::text[]::jsonb[]) AS x(order_number, content)
         ON x.order_number = o.order_number
      WHERE o.customer_number = $1 AND o.country_code = $2
      ORDER BY o.order_number FOR UPDATE OF o`,
    account.customerNumber,
    account.countryCode,
    rows.map((r) => r.orderNumber),
    rows.map((r) => (r.content === undefined || r.content === null ? null : JSON.stringify(r.content))),
  );
  return new Map(
    found.map((r) => [
      r.order_number,
      {
        status: r.status,
        lastSeenAt: r.last_seen_at,
        same: r.same,
        hasDetail: r.has_detail,
        vendorNames: r.vendor_names,
        searchText: r.search_text,
      },
    ]),
  );
}

/**
 * Within the writing transaction, after the row was written: nothing when the row already said this; otherwise
 * one notification per watcher when the status moved (unique per watcher and change), and a NOTIFY on PostgreSQL
 * (delivered at commit). Hand the result to `afterIndexCommit` once the transaction has committed.
 */
export async function noteIndexChange(
  tx: Tx,
  key: IndexRowKey,
  before: RowBefore | null,
  after: { status: string; via: OrderChange["source"]; at: Date },
): Promise<OrderChange | null> {
  if (before && before.same && before.status === after.status) return null;
  const moved = before !== null && before.status !== after.status;
  let notified: string[] = [];
  if (moved) {
    const mailOn = !!mailSettings().url;
    const changeKey = `${before.status}>${after.status}@${before.lastSeenAt.toISOString()}`;
    const rows = await tx.$queryRaw<{ user_id: string }[]>`
      INSERT INTO notifications (id, user_id, customer_number, country_code, order_number, from_status, to_status,
                                 change_key, email_state, email_next_at)
      SELECT gen_random_uuid(), w.user_id, w.customer_number, w.country_code, w.order_number, ${before.status},
             ${after.status}, ${changeKey}, ${mailOn ? "pending" : null}, CASE WHEN ${mailOn}::boolean THEN now() END
        FROM order_watches w
       WHERE w.customer_number = ${key.customerNumber} AND w.country_code = ${key.countryCode}
         AND w.order_number = ${key.orderNumber}
      ON CONFLICT (user_id, change_key) DO NOTHING
      RETURNING user_id`;
    notified = rows.map((r) => r.user_id);
  }
  const change: OrderChange = {
    accountKey: accountKey(key),
    orderNumber: key.orderNumber,
    status: after.status,
    fromStatus: moved ? before?.status : undefined,
    changedAt: after.at.toISOString(),
    source: after.via,
    notified: notified.length ? notified : undefined,
  };
  if (changeFeed().mode === "pg") await tx.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, ${encodeChange(change)})`;
  return change;
}

/** After commit: hands the change to this process's listeners (embedded mode) and starts the e-mails. */
export function afterIndexCommit(change: OrderChange | null): void {
  if (!change) return;
  changeFeed().emitLocal(change);
  if (change.notified?.length) kickNotificationMail();
}
