import "server-only";
import { type Db, hotQuery } from "@/lib/db";
import type { OrderSearchResponse } from "@/lib/ingram/schemas/order-search";
import { toSearchPage, toStatus } from "@/lib/orders/dto";
import type { OrderState, OrderSummary } from "@/lib/orders/dto-types";
import type { OrderSearchQuery, SortKey } from "@/lib/validation/search-filters";
import { Prisma } from "@/prisma/generated/client/client";
import type { IndexAccount } from "./index-writes";
import { keptPerClient } from "./kept-per-client";
import { countMatches, type MatchCount } from "./match-counts";

const { sql, join } = Prisma;

/** Ingram's status filter words → the portal states the index stores (Ingram counts Delivered as SHIPPED). */
const STATES_BY_FILTER: Record<string, OrderState[]> = {
  SHIPPED: ["shipped", "partially_shipped", "delivered", "invoiced"],
  PROCESSING: ["processing"],
  "ON HOLD": ["on_hold"],
  BACKORDERED: ["backordered"],
  CANCELLED: ["cancelled"],
};

/**
 * One SQL expression per sortable column; every sort ends on order_number so pages never overlap. Each ORDER BY
 * is exactly the one of a partial index (migration 20261129210000_order_index_list), so that a page walks an
 * index instead of sorting every match; nulls go last both ways, stated only where a column can be null.
 */
const SORT_SQL: Record<SortKey, Prisma.Sql> = {
  orderDate: sql`o.order_date`,
  orderNumber: sql`o.order_number`,
  customerOrderNumber: sql`lower(o.customer_order_number)`,
  endCustomerName: sql`lower(o.end_customer_name)`,
  vendorName: sql`lower(o.vendor_names[1])`,
  total: sql`o.total`,
  status: sql`o.status`,
};

const NEVER_NULL = new Set<SortKey>(["orderNumber", "status"]);

/** A LIKE pattern that matches `text` literally anywhere. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** True when one element of a text[] column equals `value`, ignoring case (Ingram matches parts exactly). */
const anyEquals = (column: Prisma.Sql, value: string) =>
  sql`EXISTS (SELECT 1 FROM unnest(${column}) AS x WHERE upper(x) = upper(${value}))`;

const between = (column: Prisma.Sql, range: string[] | undefined) =>
  range ? sql`${column} BETWEEN ${range[0]}::date AND ${range[1]}::date` : null;

/** The WHERE clause of a search: the account's top-level orders matching every filter given (filtersOf). */
function whereOf(account: IndexAccount, filters: Prisma.Sql[]): Prisma.Sql {
  return join(
    [
      sql`o.customer_number = ${account.customerNumber}`,
      sql`o.country_code = ${account.countryCode}`,
      sql`o.parent_order_number IS NULL`,
      ...filters,
    ],
    " AND ",
  );
}

/**
 * The conditions the query's filters add to the account's top-level orders (none: the whole account). They read
 * only columns that order_index_changes logs (all but the JSON bodies and the fetched/seen times), so that a
 * cached count can be brought up to date from the log (match-counts.ts); a filter that reads other rows must
 * say so where the count is asked for.
 */
function filtersOf(account: IndexAccount, q: OrderSearchQuery): Prisma.Sql[] {
  const c: (Prisma.Sql | null)[] = [];
  if (q.ingramOrderNumber) {
    // A sub-order number finds the order it belongs to, as Ingram's search does.
    const n = q.ingramOrderNumber.toUpperCase();
    c.push(sql`(o.order_number = ${n} OR o.order_number IN (SELECT s.parent_order_number FROM order_index s
      WHERE s.customer_number = ${account.customerNumber} AND s.country_code = ${account.countryCode}
      AND s.order_number = ${n}))`);
  }
  const statuses = [...(q.orderStatus ? [q.orderStatus] : []), ...(q["orderStatus-in"] ?? [])];
  if (statuses.length) c.push(sql`o.status IN (${join(statuses.flatMap((s) => STATES_BY_FILTER[s] ?? []))})`);
  if (q.ingramOrderDate) c.push(sql`o.order_date = ${q.ingramOrderDate}::date`);
  c.push(between(sql`o.order_date`, q["ingramOrderDate-bt"]));
  c.push(between(sql`o.invoice_date`, q.invoiceDate_bt));
  c.push(between(sql`o.ship_date`, q.shipDate_bt));
  c.push(between(sql`o.delivery_date`, q.deliveryDate_bt));
  if (q.customerOrderNumber) c.push(sql`o.customer_order_number ILIKE ${containing(q.customerOrderNumber)}`);
  if (q.endCustomerOrderNumber) c.push(sql`o.end_customer_order_number ILIKE ${containing(q.endCustomerOrderNumber)}`);
  if (q.endCustomerName) c.push(sql`o.end_customer_name ILIKE ${containing(q.endCustomerName)}`);
  if (q.ingramPartNumber) c.push(anyEquals(sql`o.ingram_part_numbers`, q.ingramPartNumber));
  if (q.vendorPartNumber) c.push(anyEquals(sql`o.vendor_part_numbers`, q.vendorPartNumber));
  if (q.serialNumber) c.push(anyEquals(sql`o.serial_numbers`, q.serialNumber));
  if (q.trackingNumber) c.push(anyEquals(sql`o.tracking_numbers`, q.trackingNumber));
  if (q.vendorName)
    c.push(sql`EXISTS (SELECT 1 FROM unnest(o.vendor_names) AS x WHERE x ILIKE ${containing(q.vendorName)})`);
  // Free text: every word must appear in the lower-cased search_text (served by its trigram index).
  for (const word of (q.q ?? "").toLowerCase().split(/\s+/).filter(Boolean)) {
    c.push(sql`o.search_text LIKE ${containing(word)}`);
  }
  return c.filter((x): x is Prisma.Sql => x !== null);
}

function orderByOf(q: OrderSearchQuery): Prisma.Sql {
  const dir = (q.dir ?? (q.sort ? "asc" : "desc")) === "desc" ? sql`DESC` : sql`ASC`;
  const sort = q.sort ?? "orderDate";
  const nulls = NEVER_NULL.has(sort) ? sql`` : sql`NULLS LAST`;
  return sql`ORDER BY ${SORT_SQL[sort]} ${dir} ${nulls}, o.order_number ${dir}`;
}

interface IndexRow {
  order_number: string;
  order_date: string | null;
  customer_order_number: string | null;
  end_customer_name: string | null;
  vendor_name: string | null;
  vendor_names: string[] | null;
  end_customer_order_number: string | null;
  ship_date: string | null;
  line_count: number | null;
  currency: string | null;
  vendor_sales_order_number: string | null;
  total: number | null;
  status: string;
  ingram_status: string | null;
  summary: unknown;
  subs: SubOrderRow[] | null;
}

interface SubOrderRow {
  order_number: string;
  total: number | null;
  ingram_status: string | null;
}

/**
 * The account's matching orders, one page, in the order asked for; `limit`/`offset` are row counts. The inner
 * query sorts keys only, so the columns (and JSON) are read for the page's rows, not for every match. Each row
 * brings its sub-orders (a detail writes one index row per sub-order) in the same statement.
 */
export async function indexedOrders(
  db: Db,
  account: IndexAccount,
  q: OrderSearchQuery,
  limit: number,
  offset: number,
): Promise<OrderSummary[]> {
  const { columns, from } = pageRows(account, q, limit, offset);
  const rows = await hotQuery<IndexRow>(db, sql`SELECT ${columns} ${from} ${orderByOf(q)}`);
  return rows.map(toSummary);
}

/**
 * What a list view asks, in one statement: the index's coverage (indexCoverage) and the page (indexedOrders),
 * the page's rows as one JSON array in their order. One round trip instead of two, and one JSON.parse instead of
 * pg's parsing field by field (about 0.14 ms less of the server's CPU per view, measured with 2,000 of each).
 * While the index does not cover the account the page is not read (a subquery in a CASE branch not taken is not
 * run): the list then comes live from Ingram, and `orders` is empty.
 *
 * A page read is kept with the index's generation (and database token) read in the same statement, and while the
 * generation stays the same the statement reads only the coverage and the generation, not the page again: the
 * generation rises in the same transaction as every write that changes what a filter matches or what the list
 * shows (migrations 20261130040000 and 20261201030000), so the kept page is the one the database holds. The
 * coverage (and so "as of") is read on every view. Kept per process, for the last KEPT_PAGES pages asked; the
 * kept summaries are frozen, since every caller shares them.
 */
export async function indexListView(
  db: Db,
  account: IndexAccount,
  q: OrderSearchQuery,
  limit: number,
  offset: number,
): Promise<Coverage & { orders: OrderSummary[] }> {
  const { columns, from } = pageRows(account, q, limit, offset);
  const orderBy = orderByOf(q);
  const key = `${from.text} ${orderBy.text} ${JSON.stringify(from.values)}`;
  const kept = keptPages.get(db, key);
  const [row] = await hotQuery<CoverageRow & { generation: string | null; rows: IndexRow[] | null }>(
    db,
    sql`
    SELECT c.covered, c.at, c.count, c.value, g.generation || ':' || g.token AS generation,
      CASE WHEN c.covered AND c.at IS NOT NULL
        AND (g.generation IS NULL OR g.generation || ':' || g.token IS DISTINCT FROM ${kept?.generation ?? null}::text)
      THEN (SELECT json_agg(r ORDER BY r.ord) FROM (
        SELECT ${columns}, row_number() OVER (${orderBy}) AS ord ${from}) AS r) END AS rows
    FROM (${coverageSql(account)}) AS c LEFT JOIN order_index_generation g ON g.id = 1`,
  );
  const coverage = toCoverage(row);
  if (!coverage.covered || !coverage.lastIndexedAt) return { ...coverage, orders: [] };
  if (kept && row?.generation === kept.generation) {
    keptPages.keep(db, key, kept);
    return { ...coverage, orders: kept.orders };
  }
  const orders = (row?.rows ?? []).map(toSummary);
  if (row?.generation) {
    keptPages.keep(db, key, {
      generation: row.generation,
      orders: Object.freeze(orders.map(frozen)) as OrderSummary[],
    });
  }
  return { ...coverage, orders };
}

/** The list pages a process keeps (indexListView): the last KEPT_PAGES asked, about 25 KB each at 25 rows. */
const KEPT_PAGES = 100;
const keptPages = keptPerClient<{ generation: string; orders: OrderSummary[] }>(KEPT_PAGES);

function frozen(o: OrderSummary): OrderSummary {
  Object.freeze(o.vendorNames);
  Object.freeze(o.status);
  for (const s of o.subOrders) Object.freeze(Object.freeze(s).status);
  Object.freeze(o.subOrders);
  return Object.freeze(o);
}

/** The page's select list and FROM clause (`o`: a page row, joined to the page's keys; see indexedOrders). */
function pageRows(account: IndexAccount, q: OrderSearchQuery, limit: number, offset: number) {
  const filters = filtersOf(account, q);
  return {
    columns: sql`o.order_number, to_char(o.order_date, 'YYYY-MM-DD') AS order_date, o.customer_order_number,
      o.end_customer_name, o.vendor_names[1] AS vendor_name, o.vendor_names, o.end_customer_order_number,
      to_char(o.ship_date, 'YYYY-MM-DD') AS ship_date, o.line_count, o.currency,
      o.total::float8 AS total, o.status, o.ingram_status,
      o.vendor_sales_order_number,
      CASE WHEN o.detail IS NULL THEN o.summary END AS summary,
      (SELECT json_agg(json_build_object('order_number', s.order_number, 'total', s.total::float8,
          'ingram_status', s.ingram_status) ORDER BY s.order_number)
        FROM order_index s WHERE s.customer_number = o.customer_number AND s.country_code = o.country_code
          AND s.parent_order_number = o.order_number) AS subs`,
    from: sql`FROM order_index o JOIN (
      SELECT o.customer_number, o.country_code, o.order_number FROM order_index o
      WHERE ${whereOf(account, filters)} ${orderByOf(q)} ${pageOf(filters.length > 0, limit, offset)}
    ) AS p ON p.customer_number = o.customer_number AND p.country_code = o.country_code
      AND p.order_number = o.order_number`,
  };
}

/**
 * The page's LIMIT and OFFSET. The unfiltered list's first page, what the list and GET /api/orders show by
 * default, states them as literals: with a LIMIT or OFFSET as a parameter PostgreSQL estimates a tenth of the
 * matches and so plans a prepared statement anew on every execution (0.7 ms, more than executing it); with
 * literals and only the account as parameters, its plan is kept after five executions. Other pages keep
 * parameters, so that their statement texts stay few, and are planned with their values (filters' selectivity
 * depends on them).
 */
function pageOf(filtered: boolean, limit: number, offset: number): Prisma.Sql {
  if (offset === 0 && Number.isSafeInteger(limit) && limit > 0 && !filtered) {
    return sql`LIMIT ${Prisma.raw(String(limit))} OFFSET 0`;
  }
  return sql`LIMIT ${limit} OFFSET ${offset}`;
}

function toSummary(r: IndexRow): OrderSummary {
  return {
    orderNumber: r.order_number,
    orderDate: r.order_date,
    customerOrderNumber: r.customer_order_number,
    vendorSalesOrderNumber: r.vendor_sales_order_number,
    vendorName: r.vendor_name,
    vendorNames: r.vendor_names ?? [],
    endCustomerOrderNumber: r.end_customer_order_number,
    shipDate: r.ship_date,
    lineCount: r.line_count,
    currency: r.currency,
    endUserCompanyName: r.end_customer_name,
    total: r.total,
    status: toStatus(r.ingram_status ?? r.status),
    subOrders: r.subs?.length
      ? r.subs.map((s) => ({ subOrderNumber: s.order_number, total: s.total, status: toStatus(s.ingram_status) }))
      : subOrdersOfSummary(r.summary),
  };
}

/** A row known only from a search page (no detail, so no sub-order rows): the sub-orders its summary names. */
function subOrdersOfSummary(summary: unknown): OrderSummary["subOrders"] {
  if (!summary) return [];
  return toSearchPage({ orders: [summary] } as OrderSearchResponse).orders[0]?.subOrders ?? [];
}

/** Whether `q` narrows the account's orders at all (the unfiltered list's count is kept per account). */
export function isFiltered(account: IndexAccount, q: OrderSearchQuery): boolean {
  return filtersOf(account, q).length > 0;
}

/** How many orders match and what they are worth together, across all pages (cached while nothing changed). */
export async function indexedCount(db: Db, account: IndexAccount, q: OrderSearchQuery): Promise<MatchCount> {
  const filters = filtersOf(account, q);
  if (filters.length) {
    // A sub-order number's filter reads other rows (the sub-order's), which a logged row alone cannot answer.
    return countMatches(db, whereOf(account, filters), { fromChanges: !q.ingramOrderNumber });
  }
  return (await indexCoverage(db, account)).totals;
}

/**
 * Whether the index holds the whole account: the sync has finished a full pass over the history (search and
 * details), so its statuses, parts, serials and tracking are all there. Until then lists come live from Ingram.
 */
export async function indexCoversAccount(db: Db, account: IndexAccount): Promise<boolean> {
  return (await indexCoverage(db, account)).covered;
}

interface Coverage {
  covered: boolean;
  lastIndexedAt: Date | null;
  totals: MatchCount;
}

type CoverageRow = { covered: boolean; at: Date | null; count: number | null; value: number | null };

/**
 * What the list asks on every view, in one statement: whether the index covers the account (see
 * indexCoversAccount), when anything about the account last reached the index (null: none of its orders yet),
 * and the unfiltered list's count and value (kept per account by a trigger, migration 20261129210000).
 */
export async function indexCoverage(db: Db, account: IndexAccount): Promise<Coverage> {
  const [row] = await hotQuery<CoverageRow>(db, coverageSql(account));
  return toCoverage(row);
}

function coverageSql(account: IndexAccount): Prisma.Sql {
  return sql`
    SELECT EXISTS (SELECT 1 FROM sync_state s
        WHERE s.customer_number = ${account.customerNumber} AND s.country_code = ${account.countryCode}
          AND s.last_full_pass_at IS NOT NULL) AS covered,
      (SELECT max(o.last_seen_at) FROM order_index o
        WHERE o.customer_number = ${account.customerNumber} AND o.country_code = ${account.countryCode}) AS at,
      t.orders AS count, CASE WHEN t.valued > 0 THEN t.value::float8 END AS value
    FROM (SELECT 1) AS one LEFT JOIN order_index_totals t
      ON t.customer_number = ${account.customerNumber} AND t.country_code = ${account.countryCode}`;
}

function toCoverage(row: CoverageRow | undefined): Coverage {
  return {
    covered: row?.covered === true,
    lastIndexedAt: row?.at ? new Date(row.at) : null,
    totals: { count: row?.count ?? 0, value: row?.value ?? null },
  };
}
