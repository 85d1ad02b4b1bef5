import Link from "next/link";
import { ButtonLink } from "@/app/_components/button";
import { formatMoney } from "@/app/_components/format";
import type { CreateOrderResult } from "@/lib/orders/dto-types";
import { LineResults } from "../_form/line-results";
import { resendHref } from "../_form/resend-lines";

/** The v6 reply: which orders Ingram made and, after a 207, which lines it refused and why. */
export function CreateResult({ result, replayed }: { result: CreateOrderResult; replayed: boolean }) {
  const rejected = result.lines.filter((l) => l.result === "rejected").length;
  const tone = result.outcome === "succeeded" && rejected === 0 ? "panel-ok" : "panel-warn";
  return (
    <section className="card" aria-labelledby="create-result-h">
      <div className={`panel ${tone}`} style={{ borderRadius: "6px 6px 0 0", border: 0 }} role="status">
        <h2 id="create-result-h">
          {result.orders.length === 0
            ? "No order was created"
            : rejected
              ? `Order created with ${rejected} rejected ${rejected === 1 ? "line" : "lines"}`
              : result.orders.length > 1
                ? `Ingram created ${result.orders.length} orders`
                : "Order created"}
        </h2>
        <p>
          {result.message}
          {replayed ? " (This is the reply to your earlier submission; no second order was made.)" : ""}
        </p>
        {result.outcome === "unknown" ? (
          <p style={{ marginTop: 6 }}>
            Ingram Micro did not confirm in time. Search for PO <strong>{result.customerOrderNumber}</strong> before
            trying again.
          </p>
        ) : null}
      </div>
      {result.orders.length ? (
        <ul className="timeline">
          {result.orders.map((o) => (
            <li key={o.orderNumber}>
              <Link className="mono" href={`/orders/${encodeURIComponent(o.orderNumber)}`}>
                {o.orderNumber}
              </Link>
              <span className="muted">
                {o.orderDate ?? ""} · {formatMoney(o.total, o.currency)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <LineResults lines={result.lines} caption="Lines" />
      <ResultActions result={result} />
    </section>
  );
}

/** Where to go next: the order Ingram made, and a new order pre-filled with the lines it refused. */
function ResultActions({ result }: { result: CreateOrderResult }) {
  const resend = resendHref(result.lines);
  if (result.orders.length === 0 && !resend) return null;
  return (
    <div className="toolbar card-body" data-testid="create-next">
      {result.orders.map((o) => (
        <ButtonLink key={o.orderNumber} href={`/orders/${encodeURIComponent(o.orderNumber)}`} variant="primary">
          {result.orders.length === 1 ? "Open order" : `Open order ${o.orderNumber}`}
        </ButtonLink>
      ))}
      {resend ? <ButtonLink href={resend}>Resend rejected lines</ButtonLink> : null}
    </div>
  );
}
