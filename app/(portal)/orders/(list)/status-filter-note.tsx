import type { OrderSearchQuery } from "@/lib/validation/search-filters";
import { STATUS_FILTER_LABELS } from "./orders-filter-form";

/**
 * Ingram filters by detailed status but its search reply only says OPEN/CLOSED/CANCELLED, so a list filtered by
 * "On hold" shows "Open" badges. Say so instead of inventing per-row statuses.
 */
export function StatusFilterNote({ query }: { query: Pick<OrderSearchQuery, "orderStatus" | "orderStatus-in"> }) {
  const statuses = [
    ...new Set([...(query.orderStatus ? [query.orderStatus] : []), ...(query["orderStatus-in"] ?? [])]),
  ];
  if (statuses.length === 0) return null;
  const filter = statuses.map((s) => STATUS_FILTER_LABELS[s]).join(", ");
  return (
    <span className="subtle caption-note">
      Filtered by {filter}. The Status column is Ingram&apos;s search summary (Open, Closed or Cancelled); open an order
      for its detailed status.
    </span>
  );
}
