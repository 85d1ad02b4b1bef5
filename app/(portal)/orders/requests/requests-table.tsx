import { columnHelper, DataTable } from "@/app/_components/data-table";
import { formatAge, formatDateTime } from "@/app/_components/format";
import { StatusBadge } from "@/app/_components/status-badge";
import type { OrderRequestView } from "@/lib/orders/dto-types";
import { OrderLinks } from "../_form/order-links";
import { RejectionReasons } from "../_form/rejection-reasons";

const h = columnHelper<OrderRequestView>();

const LABEL: Record<OrderRequestView["status"], string> = {
  submitted: "Sending",
  pending: "Pending",
  created: "Created",
  failed: "Failed",
  unknown: "Unconfirmed",
};

function Outcome({ request: r }: { request: OrderRequestView }) {
  if (r.orderNumbers.length) {
    return <OrderLinks orderNumbers={r.orderNumbers} />;
  }
  if (!r.reasons.length) return <span className="muted">{r.message}</span>;
  return <RejectionReasons reasons={r.reasons} className="plain-list" />;
}

const baseColumns = [
  h.accessor("createdAt", {
    header: "Submitted",
    cell: (c) => (
      <span className="nowrap" title={formatDateTime(c.getValue())}>
        {formatAge(c.getValue())}
      </span>
    ),
  }),
  h.accessor("customerOrderNumber", {
    header: "Customer PO",
    cell: (c) => <span className="mono">{c.getValue()}</span>,
  }),
  h.accessor("status", {
    header: "Status",
    cell: (c) => <StatusBadge status={{ state: c.getValue(), label: LABEL[c.getValue()] }} />,
  }),
  h.accessor("confirmationNumber", {
    header: "Confirmation",
    cell: (c) => <span className="mono">{c.getValue() ?? "—"}</span>,
  }),
  h.display({ id: "outcome", header: "Order or reason", cell: (c) => <Outcome request={c.row.original} /> }),
];

const byColumn = h.accessor("createdByEmail", { header: "By" });

/** One group of v7 requests (pending, failed, …); "By" only when the list shows everyone's. */
export function RequestsTable({
  requests,
  caption,
  showAuthor,
}: {
  requests: OrderRequestView[];
  caption: string;
  showAuthor: boolean;
}) {
  const columns = showAuthor ? [...baseColumns.slice(0, 4), byColumn, baseColumns[4]!] : baseColumns;
  return <DataTable caption={caption} captionHidden columns={columns} data={requests} getRowId={(r) => r.id} />;
}
