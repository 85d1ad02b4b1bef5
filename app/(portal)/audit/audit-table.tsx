import Link from "next/link";
import { columnHelper, DataTable } from "@/app/_components/data-table";
import { formatDateTime } from "@/app/_components/format";
import { StatusBadge } from "@/app/_components/status-badge";

/** A slim row: the list never ships request bodies or order snapshots to the browser. */
export interface AuditRow {
  seq: number;
  at: string;
  actorEmail: string | null;
  action: string;
  actionLabel: string;
  orderNumber: string | null;
  outcome: { state: string; label: string };
  correlationId: string | null;
}

const h = columnHelper<AuditRow>();
const columns = h.columns([
  h.accessor("at", {
    header: "Time",
    cell: (c) => (
      <Link href={`/audit/${c.row.original.seq}`} className="nowrap">
        <time dateTime={c.getValue()}>{formatDateTime(c.getValue())}</time>
      </Link>
    ),
  }),
  h.accessor("actorEmail", {
    header: "Actor",
    cell: (c) => c.getValue() ?? <span className="muted">Ingram Micro / system</span>,
  }),
  h.accessor("actionLabel", { header: "Action" }),
  h.accessor("orderNumber", {
    header: "Order",
    cell: (c) =>
      c.getValue() ? (
        <Link className="mono" href={`/orders/${encodeURIComponent(c.getValue()!)}`}>
          {c.getValue()}
        </Link>
      ) : (
        "—"
      ),
  }),
  h.accessor((r) => r.outcome.label, {
    id: "outcome",
    header: "Outcome",
    cell: (c) => <StatusBadge status={c.row.original.outcome} />,
  }),
  h.accessor("correlationId", {
    header: "Correlation id",
    cell: (c) => (c.getValue() ? <code>{c.getValue()}</code> : "—"),
  }),
  h.accessor("seq", {
    header: "#",
    meta: { align: "end" },
    cell: (c) => (
      <Link href={`/audit/${c.getValue()}`} aria-label={`Open event ${c.getValue()}`}>
        {c.getValue()}
      </Link>
    ),
  }),
]);

export function AuditTable({ rows, caption }: { rows: AuditRow[]; caption: React.ReactNode }) {
  return <DataTable caption={caption} columns={columns} data={rows} getRowId={(r) => String(r.seq)} />;
}
