import Link from "next/link";
import { formatMoney } from "@/app/_components/format";
import { StatusBadge } from "@/app/_components/status-badge";
import type { OrderDetail } from "@/lib/orders/dto-types";

/** Sub-orders as the lines name them (Ingram's detail has no separate list); each has its own detail page. */
export function SubOrders({ order }: { order: OrderDetail }) {
  const subs = new Map<string, { lines: number; status: OrderDetail["lines"][number]["status"] }>();
  for (const l of order.lines) {
    if (!l.subOrderNumber || l.subOrderNumber === order.orderNumber) continue;
    const s = subs.get(l.subOrderNumber);
    subs.set(l.subOrderNumber, { lines: (s?.lines ?? 0) + 1, status: s?.status ?? l.status });
  }
  if (subs.size === 0) return <p className="muted card-body">No sub-orders.</p>;
  return (
    <ul className="timeline">
      {[...subs].map(([n, s]) => (
        <li key={n} style={{ gridTemplateColumns: "160px 1fr" }}>
          <Link className="mono" href={`/orders/${encodeURIComponent(n)}`}>
            {n}
          </Link>
          <span className="row" style={{ gap: 8 }}>
            <StatusBadge status={s.status} />
            <span className="subtle">
              {s.lines} {s.lines === 1 ? "line" : "lines"}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function NotesAndCharges({ order }: { order: OrderDetail }) {
  return (
    <dl className="facts card-body">
      <dt>Notes</dt>
      <dd style={{ whiteSpace: "pre-wrap" }}>{order.notes || <span className="muted">None</span>}</dd>
      {order.charges.map((ch, i) => (
        <div key={i} style={{ display: "contents" }}>
          <dt>
            {ch.description ?? "Charge"}
            {ch.reference ? <span className="subtle"> ({ch.reference})</span> : null}
          </dt>
          <dd>{formatMoney(ch.amount, order.currency)}</dd>
        </div>
      ))}
      {order.attributes.map((a) => (
        <div key={a.name} style={{ display: "contents" }}>
          <dt className="mono">{a.name}</dt>
          <dd>{a.value}</dd>
        </div>
      ))}
    </dl>
  );
}
