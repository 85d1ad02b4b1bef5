import "server-only";
import { type Actor, requirePermission } from "@/lib/authz";
import { csvLine } from "@/lib/csv";
import { db } from "@/lib/db";
import { ingram } from "@/lib/ingram/client";
import { indexAccount } from "@/lib/order-index/index-detail";
import { indexCoversAccount, indexedCount, indexedOrders } from "@/lib/order-index/index-search";
import { DEFAULT_COLUMNS, ORDER_COLUMNS, type OrderColumnId } from "@/lib/validation/list-view";
import type { OrderSearchQuery } from "@/lib/validation/search-filters";
import { toSearchPage } from "./dto";
import type { OrderSearchPage, OrderSummary } from "./dto-types";
import { callContext, clientCall } from "./ingram-calls";
import { sortOrders, toIngramQuery } from "./search-orders";

const PAGE_SIZE = 100;
/** Index rows read per query while streaming: bounds memory whatever the export's size. */
const INDEX_CHUNK = 1000;
/** A live export: 100 pages × 100 rows; Ingram paces GETs at 60/min, so more belongs in the index. */
export const MAX_EXPORT_PAGES = 100;

/** Each list column as CSV cells: dates as yyyy-MM-dd, totals as plain numbers, every vendor of the order. */
const CSV_CELL: Record<OrderColumnId, (o: OrderSummary) => unknown> = {
  orderNumber: (o) => o.orderNumber,
  orderDate: (o) => o.orderDate,
  customerOrderNumber: (o) => o.customerOrderNumber,
  endCustomerOrderNumber: (o) => o.endCustomerOrderNumber,
  endCustomerName: (o) => o.endUserCompanyName,
  vendorName: (o) => (o.vendorNames?.length ? o.vendorNames : o.vendorName ? [o.vendorName] : []).join(", "),
  vendorSalesOrderNumber: (o) => o.vendorSalesOrderNumber,
  shipDate: (o) => o.shipDate,
  lineCount: (o) => o.lineCount,
  total: (o) => o.total,
  status: (o) => o.status.label,
  subOrders: (o) => o.subOrders.map((s) => s.subOrderNumber).join(" "),
};

const CSV_LABEL = Object.fromEntries(ORDER_COLUMNS.map((c) => [c.id, c.csv])) as Record<OrderColumnId, string>;

export function csvHeader(columns: readonly OrderColumnId[]): string {
  return csvLine(columns.map((id) => CSV_LABEL[id]));
}

export function csvRow(o: OrderSummary, columns: readonly OrderColumnId[]): string {
  return csvLine(columns.map((id) => CSV_CELL[id](o)));
}

export interface ExportProgress {
  total: number;
  fetched: number;
  pages: number;
  truncated: boolean;
}

export interface ExportOptions {
  correlationId?: string;
  onProgress?: (p: ExportProgress) => void;
  /** The list's chosen columns, in order (default: the list's default set). */
  columns?: readonly OrderColumnId[];
}

export interface CsvExport {
  /** orders-yyyy-MM-dd.csv, the day of the export. */
  filename: string;
  /** Known once the first page is in. */
  progress: ExportProgress;
  /** Header line first, then one line per order; each ends with CRLF. Fetches pages as it is read. */
  lines: AsyncIterable<string>;
}

/**
 * GET /api/orders/export: every matching order from the order index, in the order asked for, read in chunks as
 * the download is consumed (any size, no Ingram call). Until the index holds anything for the account, or for a
 * filter only Ingram knows (special bid), every page of the live Ingram search instead. The permission check
 * and the first read run before this resolves, so a refusal or an upstream error is a proper status.
 */
export async function exportOrders(
  actor: Actor | null,
  query: OrderSearchQuery,
  opts: ExportOptions = {},
): Promise<CsvExport> {
  requirePermission(actor, "orders.read");
  const columns = opts.columns ?? DEFAULT_COLUMNS;
  const account = indexAccount();
  if (query.specialBidNumber || !(await indexCoversAccount(db, account)))
    return exportLive(actor, query, columns, opts);
  const { count } = await indexedCount(db, account, query);
  const progress: ExportProgress = { total: count, fetched: 0, pages: 0, truncated: false };
  async function* lines(): AsyncGenerator<string> {
    yield csvHeader(columns);
    for (let offset = 0; ; offset += INDEX_CHUNK) {
      const orders = await indexedOrders(db, account, query, INDEX_CHUNK, offset);
      progress.pages++;
      for (const o of orders) {
        progress.fetched++;
        yield csvRow(o, columns);
      }
      opts.onProgress?.({ ...progress });
      if (orders.length < INDEX_CHUNK) return;
    }
  }
  return { filename: filename(), progress, lines: lines() };
}

const filename = () => `orders-${new Date().toISOString().slice(0, 10)}.csv`;

/** Every page of the live search at pageSize 100 (GET /resellers/v6/orders/search), fetched as it is read. */
async function exportLive(
  actor: Actor,
  query: OrderSearchQuery,
  columns: readonly OrderColumnId[],
  opts: ExportOptions,
): Promise<CsvExport> {
  const wire = { ...toIngramQuery(query), pageSize: PAGE_SIZE };
  const fetchPage = async (pageNumber: number): Promise<OrderSearchPage> => {
    const res = await clientCall(() =>
      ingram().searchOrders(
        { ...wire, pageNumber },
        callContext(opts.correlationId, { priority: "export", userId: actor.id }),
      ),
    );
    return toSearchPage(res.data, { pageNumber, pageSize: PAGE_SIZE });
  };
  const first = await fetchPage(1);
  const pageCount = Math.min(first.pageCount, MAX_EXPORT_PAGES);
  const progress: ExportProgress = {
    total: first.total,
    fetched: 0,
    pages: 0,
    truncated: first.pageCount > MAX_EXPORT_PAGES,
  };

  async function* lines(): AsyncGenerator<string> {
    yield csvHeader(columns);
    let page: OrderSearchPage | null = first;
    for (let n = 1; page; n++) {
      progress.pages = n;
      // Ingram cannot sort: like the live list, each page is sorted by itself.
      for (const o of sortOrders(page.orders, query.sort, query.dir)) {
        progress.fetched++;
        yield csvRow(o, columns);
      }
      opts.onProgress?.({ ...progress });
      page = n < pageCount && page.orders.length > 0 ? await fetchPage(n + 1) : null;
    }
  }
  return { filename: filename(), progress, lines: lines() };
}
