import Link from "next/link";
import { columnHelper, DataTable, type DataColumn } from "@/app/_components/data-table";
import { formatMoney } from "@/app/_components/format";
import { StatusBadge } from "@/app/_components/status-badge";
import { longDay, relativeDay } from "@/lib/calendar";
import type { OrderSummary } from "@/lib/orders/dto-types";
import { ORDER_COLUMNS, type Density, type OrderColumnId } from "@/lib/validation/list-view";
import { SORT_KEYS } from "@/lib/validation/search-filters";

const h = columnHelper<OrderSummary>();

const SEARCH_STATUS_TITLE = "Ingram's search reports Open/Closed/Cancelled; open the order for its detailed status";

const LABEL = Object.fromEntries(ORDER_COLUMNS.map((c) => [c.id, c.label])) as Record<OrderColumnId, string>;
const SORTABLE = new Set<string>(SORT_KEYS);
const dash = <span className="muted">—</span>;

/** Every vendor of the order: the index lists each line's; a live Ingram page has one. */
export function vendorsOf(o: OrderSummary): string[] {
  return o.vendorNames?.length ? o.vendorNames : o.vendorName ? [o.vendorName] : [];
}

/** A calendar day relative to the user's today, with the day itself for hover and machines. */
function Day({ day, now, tz }: { day: string | null | undefined; now: Date; tz: string }) {
  if (!day) return dash;
  return (
    <time dateTime={day} title={longDay(day)} className="nowrap">
      {relativeDay(day, now, tz)}
    </time>
  );
}

/**
 * The one definition of the list's columns, by id (ids equal the sort keys where the index sorts, so header
 * links write valid URLs). A page shows the chosen ids in ORDER_COLUMNS' order; a selection column can be put
 * in front of them.
 */
export function orderColumns(now: Date, tz: string): Record<OrderColumnId, DataColumn<OrderSummary>> {
  const text = (id: OrderColumnId, value: (o: OrderSummary) => string | null | undefined) =>
    h.accessor((o) => value(o) ?? null, {
      id,
      header: LABEL[id],
      enableSorting: SORTABLE.has(id),
      cell: (c) => c.getValue() ?? dash,
    });
  return {
    orderNumber: h.accessor("orderNumber", {
      header: LABEL.orderNumber,
      cell: (c) => (
        <Link href={`/orders/${encodeURIComponent(c.getValue())}`} className="mono">
          {c.getValue()}
        </Link>
      ),
    }),
    orderDate: h.accessor("orderDate", {
      header: LABEL.orderDate,
      cell: (c) => <Day day={c.getValue()} now={now} tz={tz} />,
    }),
    customerOrderNumber: text("customerOrderNumber", (o) => o.customerOrderNumber),
    endCustomerOrderNumber: text("endCustomerOrderNumber", (o) => o.endCustomerOrderNumber),
    endCustomerName: text("endCustomerName", (o) => o.endUserCompanyName),
    vendorName: text("vendorName", (o) => vendorsOf(o).join(", ") || null),
    vendorSalesOrderNumber: text("vendorSalesOrderNumber", (o) => o.vendorSalesOrderNumber),
    shipDate: h.accessor((o) => o.shipDate ?? null, {
      id: "shipDate",
      header: LABEL.shipDate,
      enableSorting: false,
      cell: (c) => <Day day={c.getValue()} now={now} tz={tz} />,
    }),
    lineCount: h.accessor((o) => o.lineCount ?? null, {
      id: "lineCount",
      header: LABEL.lineCount,
      enableSorting: false,
      meta: { align: "end" },
      cell: (c) => c.getValue() ?? dash,
    }),
    total: h.accessor("total", {
      header: LABEL.total,
      meta: { align: "end" },
      cell: (c) => formatMoney(c.getValue(), c.row.original.currency ?? null),
    }),
    status: h.accessor((o) => o.status.label, {
      id: "status",
      header: LABEL.status,
      cell: (c) => <StatusBadge status={c.row.original.status} title={SEARCH_STATUS_TITLE} />,
    }),
    subOrders: h.accessor((o) => o.subOrders.length, {
      id: "subOrders",
      header: LABEL.subOrders,
      enableSorting: false,
      meta: { align: "end" },
      cell: (c) => (c.getValue() ? c.getValue() : dash),
    }),
  };
}

export function OrdersTable({
  orders,
  caption,
  query,
  columns,
  density,
  timeZone,
  now,
  selectColumn,
}: {
  orders: OrderSummary[];
  caption: React.ReactNode;
  /** The page's current query: sort links keep the filters and the view. */
  query: URLSearchParams;
  columns: OrderColumnId[];
  density: Density;
  timeZone: string;
  now: Date;
  /** The bulk selection column (bulk-select-column.tsx), first when the user may release or cancel. */
  selectColumn?: DataColumn<OrderSummary>;
}) {
  const defs = orderColumns(now, timeZone);
  return (
    <div className={`orders-list density-${density}`}>
      <DataTable
        caption={caption}
        columns={[...(selectColumn ? [selectColumn] : []), ...columns.map((id) => defs[id])]}
        data={orders}
        getRowId={(o) => o.orderNumber}
        urlSort={{ pathname: "/orders", query, param: "sort", dirParam: "dir" }}
        manualSorting
        bodyId="results"
      />
    </div>
  );
}
