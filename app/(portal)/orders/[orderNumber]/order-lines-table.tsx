import { columnHelper, DataTable } from "@/app/_components/data-table";
import { formatMoney, formatNumber } from "@/app/_components/format";
import { StatusBadge } from "@/app/_components/status-badge";
import type { OrderLine } from "@/lib/orders/dto-types";

const h = columnHelper<OrderLine>();

function columnsFor(currency: string | null) {
  return h.columns([
    h.accessor("lineNumber", { header: "Line", cell: (c) => <span className="mono">{c.getValue() ?? "—"}</span> }),
    h.accessor("ingramPartNumber", {
      header: "Part",
      cell: (c) => (
        <>
          <span className="mono">{c.getValue() ?? "—"}</span>
          {c.row.original.vendorPartNumber ? (
            <div className="subtle">
              Vendor <span className="mono">{c.row.original.vendorPartNumber}</span>
            </div>
          ) : null}
          {c.row.original.upcCode ? (
            <div className="subtle">
              UPC <span className="mono">{c.row.original.upcCode}</span>
            </div>
          ) : null}
        </>
      ),
    }),
    h.accessor("description", {
      header: "Description",
      cell: (c) => (
        <>
          {c.getValue() ?? "—"}
          {c.row.original.vendorName ? <div className="subtle">{c.row.original.vendorName}</div> : null}
          {c.row.original.notes ? <div className="subtle">Note: {c.row.original.notes}</div> : null}
        </>
      ),
    }),
    h.accessor("quantityOrdered", {
      header: "Ordered",
      meta: { align: "end" },
      cell: (c) => formatNumber(c.getValue()),
    }),
    h.accessor("quantityConfirmed", {
      header: "Confirmed",
      meta: { align: "end" },
      cell: (c) => formatNumber(c.getValue()),
    }),
    h.accessor("quantityBackOrdered", {
      header: "Backordered",
      meta: { align: "end" },
      cell: (c) => {
        const v = c.getValue();
        const eta = c.row.original.backOrderEtaDate;
        return v ? (
          <>
            {formatNumber(v)}
            {eta ? <div className="subtle">ETA {eta}</div> : null}
          </>
        ) : (
          formatNumber(v)
        );
      },
    }),
    h.accessor("unitPrice", {
      header: "Unit price",
      meta: { align: "end" },
      cell: (c) => formatMoney(c.getValue(), currency),
    }),
    h.accessor("extendedPrice", {
      header: "Extended",
      meta: { align: "end" },
      cell: (c) => formatMoney(c.getValue(), currency),
    }),
    h.accessor("taxAmount", {
      header: "Tax",
      meta: { align: "end" },
      cell: (c) => formatMoney(c.getValue(), currency),
    }),
    h.accessor((l) => l.status.label, {
      id: "status",
      header: "Status",
      cell: (c) => <StatusBadge status={c.row.original.status} />,
    }),
    h.accessor("promisedDeliveryDate", {
      header: "Promised",
      cell: (c) => <span className="nowrap">{c.getValue() ?? "—"}</span>,
    }),
  ]);
}

export function OrderLinesTable({ lines, currency }: { lines: OrderLine[]; currency: string | null }) {
  const columns = columnsFor(currency);
  return (
    <DataTable
      caption={`Lines (${lines.length})`}
      columns={columns}
      data={lines}
      getRowId={(l, i) => `${l.subOrderNumber ?? ""}-${l.lineNumber ?? i}`}
      empty={<p className="muted">This order has no lines.</p>}
    />
  );
}
