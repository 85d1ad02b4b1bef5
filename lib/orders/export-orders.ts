import "server-only";
import { type Actor, requirePermission } from "@/lib/authz";
import { csvLine } from "@/lib/csv";
import { db } from "@/lib/db";
import { ingram } from "@/lib/ingram/client";
import { indexAccount } from "@/lib/order-index/index-detail";
import { indexCoversAccount, indexedCount, indexedOrders } from "@/lib/order-index/index-search";
import type { OrderSearchQuery } from "@/lib/validation/search-filters";
import { toSearchPage } from "./dto";
import type { OrderSearchPage, OrderSummary } from "./dto-types";
import { callContext, clientCall } from "./ingram-calls";
import { toIngramQuery } from "./search-orders";

const PAGE_SIZE = 100;
/** Index rows read per query while streaming: bounds memory whatever the export's size. */
const INDEX_CHUNK = 1000;
/** A live export: 100 pages × 100 rows; Ingram paces GETs at 60/min, so more belongs in the index. */
export const MAX_EXPORT_PAGES = 100;

export const CSV_COLUMNS = [
  "Order number",
  "Order date",
  "Customer PO",
  "Vendor sales order",
  "Vendor",
  "End user",
  "Total",
  "Status",
  "Ingram status",
  "Sub-orders",
] as const;

export function csvRow(o: OrderSummary): string {
  return csvLine([
    o.orderNumber,
    o.orderDate,
    o.customerOrderNumber,
    o.vendorSalesOrderNumber,
    o.vendorName,
    o.endUserCompanyName,
    o.total,
    o.status.label,
    o.status.raw,
    o.subOrders.map((s) => s.subOrderNumber).join(" "),
  ]);
}

export interface ExportProgress {
  total: number;
  fetched: number;
  pages: number;
  truncated: boolean;
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
  opts: { correlationId?: string; onProgress?: (p: ExportProgress) => void } = {},
): Promise<CsvExport> {
  requirePermission(actor, "orders.read");
  const account = indexAccount();
  if (query.specialBidNumber || !(await indexCoversAccount(db, account))) return exportLive(actor, query, opts);
  const { count } = await indexedCount(db, account, query);
  const progress: ExportProgress = { total: count, fetched: 0, pages: 0, truncated: false };
  async function* lines(): AsyncGenerator<string> {
    yield csvLine(CSV_COLUMNS);
    for (let offset = 0; ; offset += INDEX_CHUNK) {
      const orders = await indexedOrders(db, account, query, INDEX_CHUNK, offset);
      progress.pages++;
      for (const o of orders) {
        progress.fetched++;
        yield csvRow(o);
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
  opts: { correlationId?: string; onProgress?: (p: ExportProgress) => void },
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
    yield csvLine(CSV_COLUMNS);
    let page: OrderSearchPage | null = first;
    for (let n = 1; page; n++) {
      progress.pages = n;
      for (const o of page.orders) {
        progress.fetched++;
        yield csvRow(o);
      }
      opts.onProgress?.({ ...progress });
      page = n < pageCount && page.orders.length > 0 ? await fetchPage(n + 1) : null;
    }
  }
  return { filename: filename(), progress, lines: lines() };
}
