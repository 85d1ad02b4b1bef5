import { formatDateTime } from "@/app/_components/format";
import { HOLD_VOID_HOURS, holdVoidsAt, remainingWords } from "@/lib/orders/hold-void";

/**
 * On a customer hold: when Ingram will void the order unless it is released. Ingram sends no void date, only
 * the rule (released within 24 h of the order), so the moment is computed from the order's date and says so.
 */
export function HoldVoidNote({ orderedAt }: { orderedAt: string | null }) {
  const v = holdVoidsAt(orderedAt);
  const rule = `Ingram voids a customer hold that is not released within ${HOLD_VOID_HOURS} hours of the order; it sends no date, so this one is computed from the order's ${v?.exact ? "time" : "date"}.`;
  if (!v) {
    return (
      <div className="panel panel-warn" data-testid="hold-void">
        Release this order within {HOLD_VOID_HOURS} hours of placing it, or Ingram voids it. Ingram gave no order date
        to compute the deadline from.
      </div>
    );
  }
  return (
    <div className="panel panel-warn" data-testid="hold-void">
      <strong>
        {v.remainingMs <= 0
          ? `Ingram voids this hold now: it was due by ${formatDateTime(v.at)}.`
          : v.exact
            ? `Release by ${formatDateTime(v.at)} (${remainingWords(v.remainingMs)}), or Ingram voids this order.`
            : `Release by ${formatDateTime(v.at)} at the latest, or Ingram voids this order.`}
      </strong>{" "}
      <span className="subtle" style={{ color: "inherit" }}>
        {rule}
      </span>
    </div>
  );
}
