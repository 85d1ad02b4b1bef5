import "server-only";
import { type Actor, requirePermission } from "@/lib/authz";
import { csvLine } from "@/lib/csv";
import { ingram } from "@/lib/ingram/client";
import type { OrderSearchQuery } from "@/lib/validation/search-filters";
import { toSearchPage } from "./dto";
import type { OrderSearchPage, OrderSummary } from "./dto-types";
import { callContext, clientCall } from "./ingram-calls";
import { toIngramQuery } from "./search-orders";

const PAGE_SIZE = 100;
/** 100 pages × 100 rows; Ingram paces GETs at 60/min, so a bigger export belongs in a narrower search. */
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
 * GET /api/orders/export → GET /resellers/v6/orders/search: every page of the search at pageSize 100. The
 * permission check and the first page run before this resolves, so a refusal or an upstream error is a
 * proper status, not a broken download.
 */
export async function exportOrders(
  actor: Actor | null,
  query: OrderSearchQuery,
  opts: { correlationId?: string; onProgress?: (p: ExportProgress) => void } = {},
): Promise<CsvExport> {
  requirePermission(actor, "orders.read");
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
  return { filename: `orders-${new Date().toISOString().slice(0, 10)}.csv`, progress, lines: lines() };
}
