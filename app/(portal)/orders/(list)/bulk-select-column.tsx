import { columnHelper, type DataColumn } from "@/app/_components/data-table";
import { holdVoidsAt, remainingWords } from "@/lib/orders/hold-void";
import type { OrderSummary } from "@/lib/orders/dto-types";
import type { BulkEligible } from "@/lib/order-index/bulk-eligibility";
import { BULK_ALL, BULK_FIELD } from "./bulk-names";

// The orders list's selection column, kept apart from the list's own columns (orders-table.tsx) so that
// column choices there and this column do not touch. Plain checkboxes rendered on the server; the bulk
// toolbar (bulk-actions.tsx) listens for their change events, so the table stays a server component.

const h = columnHelper<OrderSummary>();

export function bulkSelectColumn(eligible: readonly BulkEligible[]): DataColumn<OrderSummary> {
  const byNumber = new Map(eligible.map((e) => [e.orderNumber.toUpperCase(), e]));
  return h.display({
    id: "select",
    enableSorting: false,
    header: () =>
      eligible.length ? (
        <input
          type="checkbox"
          name={BULK_ALL}
          aria-label="Select every order on customer hold on this page"
          title="Only orders on customer hold can be released or cancelled"
        />
      ) : (
        <span className="sr-only">Select (only orders on customer hold)</span>
      ),
    cell: (c) => {
      const e = byNumber.get(c.row.original.orderNumber.toUpperCase());
      if (!e) return null;
      const v = holdVoidsAt(e.orderedAt);
      return (
        <input
          type="checkbox"
          name={BULK_FIELD}
          value={c.row.original.orderNumber}
          aria-label={`Select order ${c.row.original.orderNumber}`}
          title={
            v && v.remainingMs > 0
              ? `On customer hold: Ingram voids it ${remainingWords(v.remainingMs)} unless released`
              : "On customer hold"
          }
        />
      );
    },
  });
}
