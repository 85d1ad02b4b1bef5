import Link from "next/link";
import { columnHelper, DataTable } from "@/app/_components/data-table";
import { formatMoney } from "@/app/_components/format";
import { StatusBadge } from "@/app/_components/status-badge";
import type { OrderSummary } from "@/lib/orders/dto-types";

const h = columnHelper<OrderSummary>();

const SEARCH_STATUS_TITLE = "Ingram's search reports Open/Closed/Cancelled; open the order for its detailed status";

/** Ingram's search reply carries no currency; the DTO may add one (the account's), shown when present. */
function currencyOf(o: OrderSummary): string | null {
  return (o as OrderSummary & { currency?: string | null }).currency ?? null;
}

// Column ids equal the portal's sort keys (SORT_KEYS in lib/validation/search-filters), so header links write valid URLs.
const columns = h.columns([
  h.accessor("orderNumber", {
    header: "Order",
    cell: (c) => (
      <Link href={`/orders/${encodeURIComponent(c.getValue())}`} className="mono">
        {c.getValue()}
      </Link>
    ),
  }),
  h.accessor("orderDate", { header: "Date", cell: (c) => <span className="nowrap">{c.getValue() ?? "—"}</span> }),
  h.accessor("customerOrderNumber", { header: "Customer PO", cell: (c) => c.getValue() ?? "—" }),
  h.accessor("endUserCompanyName", { id: "endCustomerName", header: "End customer", cell: (c) => c.getValue() ?? "—" }),
  h.accessor("vendorName", { header: "Vendor", cell: (c) => c.getValue() ?? "—" }),
  h.accessor("total", {
    header: "Total",
    meta: { align: "end" },
    cell: (c) => formatMoney(c.getValue(), currencyOf(c.row.original)),
  }),
  h.accessor((o) => o.status.label, {
    id: "status",
    header: "Status",
    cell: (c) => <StatusBadge status={c.row.original.status} title={SEARCH_STATUS_TITLE} />,
  }),
  h.accessor((o) => o.subOrders.length, {
    id: "subOrders",
    header: "Sub-orders",
    enableSorting: false,
    meta: { align: "end" },
    cell: (c) => (c.getValue() ? c.getValue() : <span className="muted">—</span>),
  }),
]);

export function OrdersTable({
  orders,
  caption,
  query,
}: {
  orders: OrderSummary[];
  caption: React.ReactNode;
  /** The page's current query: sort links keep the filters. */
  query: URLSearchParams;
}) {
  return (
    <DataTable
      caption={caption}
      columns={columns}
      data={orders}
      getRowId={(o) => o.orderNumber}
      urlSort={{ pathname: "/orders", query, param: "sort", dirParam: "dir" }}
      manualSorting
      bodyId="results"
    />
  );
}
