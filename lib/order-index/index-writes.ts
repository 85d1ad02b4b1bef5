import "server-only";
import { type Db, hotExecute, hotQuery } from "@/lib/db";
import type { OrderDetail as IngramOrderDetail } from "@/lib/ingram/schemas/order-detail";
import type { OrderSearchResponse } from "@/lib/ingram/schemas/order-search";
import { toOrderDetail, toSearchPage } from "@/lib/orders/dto";
import type { OrderDetail, OrderSummary } from "@/lib/orders/dto-types";
import type { OrderChange } from "@/lib/live/change-feed";
import { INDEX_TX, afterIndexCommit, lockIndexRows, noteIndexChange } from "@/lib/live/index-change";
import { Prisma } from "@/prisma/generated/client/client";
import { inTurn } from "./write-turns";

/** One Ingram account: the index keeps each account's orders apart. */
export interface IndexAccount {
  customerNumber: string;
  countryCode: string;
}

/** How an order reached the index: a search page, a details read, a webhook re-read, or the portal's own change. */
export type SeenVia = "search" | "details" | "webhook" | "change";

type Row = Prisma.IndexedOrderUncheckedCreateInput;

const uniq = (values: (string | null | undefined)[]): string[] => [
  ...new Set(values.filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim())),
];

const day = (v: string | null | undefined): Date | null =>
  v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;

function searchText(parts: (string | null | undefined)[]): string {
  return uniq(parts).join(" ").toLowerCase();
}

function fromSummary(account: IndexAccount, o: OrderSummary, raw: unknown, at: Date): Row {
  const vendorNames = uniq([o.vendorName]);
  return {
    ...account,
    orderNumber: o.orderNumber,
    status: o.status.state,
    ingramStatus: o.status.raw,
    orderDate: day(o.orderDate),
    customerOrderNumber: o.customerOrderNumber,
    endCustomerName: o.endUserCompanyName,
    vendorNames,
    total: o.total,
    searchText: searchText([
      o.orderNumber,
      o.customerOrderNumber,
      o.endUserCompanyName,
      o.vendorSalesOrderNumber,
      ...vendorNames,
    ]),
    summary: raw as Prisma.InputJsonValue,
    summaryFetchedAt: at,
    lastSeenAt: at,
    lastSeenVia: "search",
  };
}

/** The columns a full detail carries, for the order itself or one of its sub-orders (lines filtered to it). */
function fromDetail(
  account: IndexAccount,
  d: OrderDetail,
  raw: unknown,
  at: Date,
  via: SeenVia,
  subOrder?: string,
): Row {
  const lines = subOrder ? d.lines.filter((l) => l.subOrderNumber === subOrder) : d.lines;
  const shipments = lines.flatMap((l) => l.shipments);
  const tracking = shipments.flatMap((s) => s.tracking);
  const vendorNames = uniq(lines.map((l) => l.vendorName));
  const vendorPartNumbers = uniq(lines.map((l) => l.vendorPartNumber));
  const ingramPartNumbers = uniq(lines.map((l) => l.ingramPartNumber));
  const serialNumbers = uniq(tracking.flatMap((t) => t.serialNumbers));
  const trackingNumbers = uniq(tracking.map((t) => t.trackingNumber));
  const shipDates = shipments
    .map((s) => s.shippedDate)
    .filter((x): x is string => !!x)
    .sort();
  const invoiceDates = shipments
    .map((s) => s.invoiceDate)
    .filter((x): x is string => !!x)
    .sort();
  const deliveryDates = shipments
    .map((s) => s.deliveredDate)
    .filter((x): x is string => !!x)
    .sort();
  const status = subOrder ? (lines[0]?.status ?? d.status) : d.status;
  const total = subOrder ? lines.reduce((sum, l) => sum + (l.extendedPrice ?? 0), 0) : d.totals.total;
  const orderNumber = subOrder ?? d.orderNumber;
  return {
    ...account,
    orderNumber,
    parentOrderNumber: subOrder ? d.orderNumber : null,
    status: status.state,
    ingramStatus: status.raw,
    orderDate: day(d.orderDate),
    shipDate: day(shipDates.at(-1)),
    invoiceDate: day(invoiceDates.at(-1)),
    deliveryDate: day(deliveryDates.at(-1)),
    customerOrderNumber: d.customerOrderNumber,
    endCustomerOrderNumber: d.endCustomerOrderNumber,
    endCustomerName: d.endUser?.companyName ?? null,
    vendorNames,
    vendorPartNumbers,
    ingramPartNumbers,
    serialNumbers,
    trackingNumbers,
    total,
    currency: d.currency,
    lineCount: lines.length,
    searchText: searchText([
      orderNumber,
      d.customerOrderNumber,
      d.endCustomerOrderNumber,
      d.endUser?.companyName,
      d.vendorSalesOrderNumber,
      ...vendorNames,
      ...vendorPartNumbers,
      ...ingramPartNumbers,
      ...serialNumbers,
      ...trackingNumbers,
    ]),
    detail: raw as Prisma.InputJsonValue,
    detailFetchedAt: at,
    lastSeenAt: at,
    lastSeenVia: via,
  };
}

/** The keys under which writes of these rows take turns (write-turns.ts). */
const rowKeys = (account: IndexAccount, orderNumbers: string[]) =>
  orderNumbers.map((n) => `${account.customerNumber}/${account.countryCode}/${n}`);

/**
 * Writes one page of Ingram's search answer into the index in one transaction; returns how many orders it
 * wrote. A search row carries less than a detail: it refreshes status, dates, PO, end customer and total, and
 * keeps what only a detail knows (lines, parts, serials, tracking) from the last detail. Orders whose search row
 * is unchanged only have their seen time moved (one statement). The rows are locked for the write so that the
 * change each makes is told once (lib/live/index-change.ts).
 */
export async function indexSearchPage(
  db: Db,
  account: IndexAccount,
  res: OrderSearchResponse | null,
  at = new Date(),
): Promise<number> {
  const raws = res?.orders ?? [];
  const rows = new Map<string, Row>();
  for (const [i, o] of toSearchPage(res).orders.entries()) {
    if (rows.has(o.orderNumber)) continue;
    const raw = raws.find((r) => r?.ingramOrderNumber === o.orderNumber) ?? raws[i] ?? null;
    rows.set(o.orderNumber, fromSummary(account, o, raw, at));
  }
  if (rows.size === 0) return 0;
  await inTurn(rowKeys(account, [...rows.keys()]), async () => {
    const seenAgain = await touchSeenAgain(db, account, [...rows.values()], at);
    const rest = [...rows.values()].filter((r) => !seenAgain.has(r.orderNumber));
    if (rest.length) {
      const changes = await writeSummaries(db, account, rest, at);
      for (const change of changes) afterIndexCommit(change);
    }
  });
  return rows.size;
}

/**
 * A search row seen again this soon after the index last saw it moves no times: a page read again and again (a
 * busy list before the index covers the account, the same filter from several people) writes nothing, where
 * each of its 25 rows would otherwise be rewritten with every index entry (last_seen_at is indexed). The times
 * it would have moved are "when the index last saw the order" (the list's "as of", to the second at most this
 * far behind) and the search row's age, which nothing reads to decide.
 */
export const SEEN_AGAIN_WITHIN_MS = 10_000;

/**
 * Orders whose search row and status are what the index holds, the common case of a page read again: one
 * statement moves their seen times (as writeSummaries does for them, without its transaction) and names them;
 * rows seen within SEEN_AGAIN_WITHIN_MS keep theirs. The rows it writes are locked in order-number order, as
 * every index writer locks them.
 */
async function touchSeenAgain(db: Db, account: IndexAccount, rows: Row[], at: Date): Promise<Set<string>> {
  const touched = await hotQuery<{ order_number: string }>(
    db,
    Prisma.sql`
    WITH seen AS (
      SELECT o.order_number, o.last_seen_at FROM order_index o
        JOIN unnest(${rows.map((r) => r.orderNumber)}::text[],
                    ${rows.map((r) => JSON.stringify(r.summary ?? null))}::text[]::jsonb[],
                    ${rows.map((r) => r.status)}::text[]) AS x(order_number, content, status)
          ON x.order_number = o.order_number
       WHERE o.customer_number = ${account.customerNumber} AND o.country_code = ${account.countryCode}
         AND o.summary = x.content AND o.status = x.status),
    stale AS (
      SELECT o.order_number FROM order_index o JOIN seen ON seen.order_number = o.order_number
       WHERE o.customer_number = ${account.customerNumber} AND o.country_code = ${account.countryCode}
         AND seen.last_seen_at < ${at}::timestamptz - ${SEEN_AGAIN_WITHIN_MS}::int * interval '1 millisecond'
       ORDER BY o.order_number FOR UPDATE OF o),
    touched AS (
      UPDATE order_index o SET last_seen_at = ${at}, summary_fetched_at = ${at}, last_seen_via = 'search'
        FROM stale
       WHERE o.customer_number = ${account.customerNumber} AND o.country_code = ${account.countryCode}
         AND o.order_number = stale.order_number)
    SELECT order_number FROM seen`,
  );
  return new Set(touched.map((r) => r.order_number));
}

function writeSummaries(db: Db, account: IndexAccount, rows: Row[], at: Date): Promise<(OrderChange | null)[]> {
  return indexTransaction(db, async (tx) => {
    const before = await lockIndexRows(
      tx,
      account,
      "summary",
      rows.map((r) => ({ orderNumber: r.orderNumber, content: r.summary })),
    );
    const created = rows.filter((r) => !before.has(r.orderNumber));
    if (created.length) await tx.indexedOrder.createMany({ data: created });
    const seenAgain: string[] = [];
    const changes: (OrderChange | null)[] = [];
    for (const row of rows) {
      const existing = before.get(row.orderNumber) ?? null;
      if (existing?.same && existing.status === row.status) {
        seenAgain.push(row.orderNumber);
        continue;
      }
      const key = { ...account, orderNumber: row.orderNumber };
      if (existing) {
        const { customerNumber: _c, countryCode: _k, orderNumber: _o, ...fields } = row;
        // A detail knows every vendor on the order; a search row only the first line's. Keep the fuller one.
        await tx.indexedOrder.update({
          where: { customerNumber_countryCode_orderNumber: key },
          data: {
            ...fields,
            vendorNames: existing.hasDetail ? existing.vendorNames : fields.vendorNames,
            searchText: existing.hasDetail ? mergeText(existing.searchText, fields.searchText) : fields.searchText,
          },
        });
      }
      changes.push(await noteIndexChange(tx, key, existing, { status: row.status, via: "search", at }));
    }
    if (seenAgain.length) {
      await tx.indexedOrder.updateMany({
        where: { ...account, orderNumber: { in: seenAgain } },
        data: { lastSeenAt: at, summaryFetchedAt: at, lastSeenVia: "search" },
      });
    }
    return changes;
  });
}

function mergeText(a: string, b: string | undefined): string {
  return uniq([...a.split(" "), ...(b ?? "").split(" ")]).join(" ");
}

/**
 * Writes a full detail into the index: the order's own row and one row per sub-order (so a sub-order number is
 * found too), in one transaction. `via` says how it was read; the raw detail is kept as the order page's fallback.
 * Like a search page's, the write waits for writes of the same rows that started before it in this process.
 */
export async function indexOrderDetail(
  db: Db,
  account: IndexAccount,
  raw: IngramOrderDetail,
  via: SeenVia,
  at = new Date(),
): Promise<void> {
  const d = toOrderDetail(raw);
  const subOrders = uniq(d.lines.map((l) => l.subOrderNumber)).filter((s) => s !== d.orderNumber);
  const rows = [fromDetail(account, d, raw, at, via), ...subOrders.map((s) => fromDetail(account, d, raw, at, via, s))];
  const write: DetailRows = { account, rows, raw, via, at };
  const keys = rowKeys(
    account,
    rows.map((r) => r.orderNumber),
  );
  await inTurn(keys, async () => {
    if (await touchUnchanged(db, write)) return;
    const changes = await writeDetailRows(db, write);
    for (const change of changes) afterIndexCommit(change);
  });
}

/** An order's detail and the index rows it makes (the order's own, one per sub-order), as of `at`. */
interface DetailRows {
  account: IndexAccount;
  rows: Row[];
  raw: IngramOrderDetail;
  via: SeenVia;
  at: Date;
}

/**
 * A detail read again as the index holds it, the common case: one statement moves the fetched and seen times
 * of the order's rows. It holds only when every row carries this very detail and no search row was written
 * over it since (the full write would put the detail's columns back), so there is no change to tell. True when
 * that was all there was to write.
 */
async function touchUnchanged(db: Db, { account, rows, raw, via, at }: DetailRows): Promise<boolean> {
  const touched = await hotExecute(
    db,
    Prisma.sql`
    UPDATE order_index SET detail_fetched_at = ${at}, last_seen_at = ${at}, last_seen_via = ${via}
     WHERE customer_number = ${account.customerNumber} AND country_code = ${account.countryCode}
       AND order_number = ANY(${rows.map((r) => r.orderNumber)}::text[])
       AND detail = ${JSON.stringify(raw)}::jsonb
       AND (summary_fetched_at IS NULL OR summary_fetched_at <= detail_fetched_at)`,
  );
  return touched === rows.length;
}

function writeDetailRows(db: Db, { account, rows, raw, via, at }: DetailRows): Promise<(OrderChange | null)[]> {
  return indexTransaction(db, async (tx) => {
    // Locked for the write, so that the change each row makes is told once (lib/live/index-change.ts).
    const before = await lockIndexRows(
      tx,
      account,
      "detail",
      rows.map((r) => ({ orderNumber: r.orderNumber, content: raw })),
    );
    const changes: (OrderChange | null)[] = [];
    for (const row of rows) {
      const existing = before.get(row.orderNumber) ?? null;
      const { customerNumber: _c, countryCode: _k, orderNumber: _o, ...fields } = row;
      const key = { ...account, orderNumber: row.orderNumber };
      if (existing) {
        await tx.indexedOrder.update({ where: { customerNumber_countryCode_orderNumber: key }, data: fields });
      } else {
        await tx.indexedOrder.create({ data: row });
      }
      changes.push(await noteIndexChange(tx, key, existing, { status: row.status, via, at }));
    }
    return changes;
  });
}

/**
 * One locked write of index rows (lib/live/index-change.ts). When another writer created one of its rows between
 * our lock and our insert, it runs once more: the second run finds the row and updates it.
 */
async function indexTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(work, INDEX_TX);
  } catch (err) {
    if ((err as { code?: string }).code !== "P2002") throw err;
    return db.$transaction(work, INDEX_TX);
  }
}
