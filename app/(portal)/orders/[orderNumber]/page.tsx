import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/app/_components/button";
import { ErrorPanel } from "@/app/_components/error-panel";
import { ForbiddenPanel } from "@/app/_components/forbidden-panel";
import { StatusBadge } from "@/app/_components/status-badge";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz";
import { orderTimeline } from "@/lib/audit/query";
import { formatAge, formatDateTime } from "@/app/_components/format";
import { readOrder } from "@/lib/orders/get-order";
import { orderChangeRules, whyNot } from "@/lib/orders/hold-rules";
import { isWatching } from "@/lib/live/watches";
import { HoldVoidNote } from "./hold-void-note";
import { AuditTimeline } from "../../audit/audit-timeline";
import { LiveUpdates } from "../../live-updates";
import { loadForPage, orderNumberParam } from "../../page-data";
import { NotesAndCharges, SubOrders } from "./order-extras";
import { OrderActions } from "./order-actions";
import { OrderLineDates } from "./order-line-dates";
import { OrderLinesTable } from "./order-lines-table";
import { OrderShipments } from "./order-shipments";
import { OrderSubscriptions } from "./order-subscriptions";
import { OrderSummaryCards } from "./order-summary";
import { WatchButton } from "./watch-button";

type Params = Promise<{ orderNumber: string }>;

const TIMELINE_PREVIEW = 8;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { orderNumber } = await params;
  return { title: `Order ${orderNumber}` };
}

export default async function OrderPage({ params }: { params: Params }) {
  const orderNumber = await orderNumberParam(params);
  const actor = await requirePageActor(`/orders/${encodeURIComponent(orderNumber)}`);
  if (!can(actor, "orders.read")) return <ForbiddenPanel what="this order" />;

  const showAudit = can(actor, "audit.read");
  const [result, timeline] = await Promise.all([
    loadForPage("order detail", (cid) => readOrder(actor, orderNumber, cid)),
    showAudit ? loadForPage("order timeline", () => orderTimeline(actor, orderNumber)) : null,
  ]);
  if (!result.ok) {
    if (result.code === "not_found") notFound();
    if (result.code === "forbidden") return <ForbiddenPanel what="this order" />;
    return (
      <div className="stack">
        <div className="crumbs">
          <Link href="/orders">Orders</Link> / {orderNumber}
        </div>
        <ErrorPanel
          title={`Order ${orderNumber} could not be loaded`}
          message={result.message}
          correlationId={result.correlationId}
          retryAfterSeconds={result.retryAfterSeconds}
        />
      </div>
    );
  }

  const { order, source, fetchedAt, staleReason } = result.data;
  const events = timeline?.ok ? timeline.data : [];
  // A stale copy may no longer be on hold: changes wait until Ingram answers again (they read it live first).
  const unavailable =
    source === "stale"
      ? "Ingram Micro cannot be read right now: edit, release and cancel wait until it can (they read it first)."
      : undefined;
  const rules = orderChangeRules(order);
  const canEdit = rules.canModify && can(actor, "orders.modify");
  // Said only to those who could change an order at all: a viewer has no buttons to miss.
  const mayChange = can(actor, "orders.modify") || can(actor, "orders.release") || can(actor, "orders.cancel");
  // Live: the page re-renders when this order or one of its sub-orders changes; watching is per user.
  const watching = await isWatching(actor, order.orderNumber).catch(() => false);
  const liveOrders = [order.orderNumber, ...order.lines.flatMap((l) => (l.subOrderNumber ? [l.subOrderNumber] : []))];
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <div className="crumbs">
            <Link href="/orders">Orders</Link> / <span className="mono">{order.orderNumber}</span>
          </div>
          <h1 className="row" style={{ gap: 10 }}>
            Order <span className="mono">{order.orderNumber}</span> <StatusBadge status={order.status} />
          </h1>
          <p className="meta">
            {order.orderDate ?? "Date unknown"} · PO {order.customerOrderNumber ?? "—"}
            {rules.rule === null ? " · on customer hold" : ""}
            <span data-testid="order-age" title={formatDateTime(fetchedAt)}>
              {" · "}
              {source === "index" ? "from the order index, " : ""}read from Ingram {formatAge(fetchedAt)}
            </span>
          </p>
          <div className="row live-row">
            <WatchButton orderNumber={order.orderNumber} initial={watching} />
            {can(actor, "orders.create") ? (
              <ButtonLink href={`/orders/new?duplicate=${encodeURIComponent(order.orderNumber)}`}>
                Duplicate order
              </ButtonLink>
            ) : null}
            <LiveUpdates orderNumbers={liveOrders} />
          </div>
        </div>
        <OrderActions
          orderNumber={order.orderNumber}
          canEdit={canEdit}
          canRelease={rules.canRelease && can(actor, "orders.release")}
          canCancel={rules.canCancel && can(actor, "orders.cancel")}
          refusedBecause={mayChange ? rules.reason : null}
          hiddenBecause={{
            modify: can(actor, "orders.modify") ? whyNot(rules, "modify") : null,
            release: can(actor, "orders.release") ? whyNot(rules, "release") : null,
            cancel: can(actor, "orders.cancel") ? whyNot(rules, "cancel") : null,
          }}
          unavailable={unavailable}
        />
      </div>

      {source === "stale" ? (
        <div className="panel panel-warn" role="status" data-testid="stale-banner">
          <strong>Not read from Ingram Micro just now; this is the order as last read {formatAge(fetchedAt)}</strong> (
          {formatDateTime(fetchedAt)}). {staleReason}{" "}
        </div>
      ) : null}

      {rules.rule === null ? <HoldVoidNote orderedAt={order.orderedAt} /> : null}

      <OrderSummaryCards order={order} editable={canEdit && !unavailable} />

      <section className="card" aria-label="Order lines">
        <OrderLinesTable lines={order.lines} currency={order.currency} />
      </section>

      <section className="card" aria-labelledby="line-dates-h">
        <div className="card-head">
          <h2 id="line-dates-h">Dates, schedule and shipping per line</h2>
        </div>
        <OrderLineDates lines={order.lines} />
      </section>

      <OrderSubscriptions lines={order.lines} />

      <section className="card" aria-labelledby="shipments-h">
        <div className="card-head">
          <h2 id="shipments-h">Shipments, tracking and serial numbers</h2>
        </div>
        <OrderShipments lines={order.lines} />
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="subs-h">
          <div className="card-head">
            <h2 id="subs-h">Sub-orders</h2>
          </div>
          <SubOrders order={order} />
        </section>
        <section className="card" aria-labelledby="notes-h">
          <div className="card-head">
            <h2 id="notes-h">Notes, charges and attributes</h2>
          </div>
          <NotesAndCharges order={order} />
        </section>
      </div>

      {showAudit ? (
        <section className="card" aria-labelledby="timeline-h">
          <div className="card-head">
            <h2 id="timeline-h">Activity in Orderdesk</h2>
            <Link href={`/orders/${encodeURIComponent(order.orderNumber)}/history`}>Full history</Link>
          </div>
          {timeline && !timeline.ok ? (
            <div className="card-body">
              <ErrorPanel
                title="Activity could not be loaded"
                message={timeline.message}
                correlationId={timeline.correlationId}
                retryAfterSeconds={timeline.retryAfterSeconds}
              />
            </div>
          ) : events.length === 0 ? (
            <p className="muted card-body">No one has changed this order through Orderdesk.</p>
          ) : (
            <AuditTimeline events={[...events].sort((a, b) => b.seq - a.seq).slice(0, TIMELINE_PREVIEW)} />
          )}
        </section>
      ) : null}
    </div>
  );
}
