import { dash, formatMoney, formatNumber } from "@/app/_components/format";
import { StatusBadge } from "@/app/_components/status-badge";
import type { Address, OrderDetail } from "@/lib/orders/dto-types";

function AddressBlock({ title, address }: { title: string; address: Address | null }) {
  return (
    <div>
      <h3 className="subtle" style={{ fontWeight: 600, marginBottom: 4 }}>
        {title}
      </h3>
      {address ? (
        <address style={{ fontStyle: "normal" }}>
          {address.companyName ? <div>{address.companyName}</div> : null}
          {address.contact ? <div>{address.contact}</div> : null}
          {address.lines.map((l, i) => (
            <div key={i}>{l}</div>
          ))}
          <div>
            {[address.city, address.state, address.postalCode].filter(Boolean).join(", ")} {address.countryCode ?? ""}
          </div>
          {address.phone ? <div className="subtle">{address.phone}</div> : null}
          {address.email ? <div className="subtle">{address.email}</div> : null}
          {address.addressId ? <div className="subtle">Address id {address.addressId}</div> : null}
        </address>
      ) : (
        <p className="muted">—</p>
      )}
    </div>
  );
}

/** `editable`: the order is held and this user may modify it (decided server-side by the page). */
export function OrderSummaryCards({ order, editable }: { order: OrderDetail; editable: boolean }) {
  const c = order.currency;
  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="order-facts">
        <div className="card-head">
          <h2 id="order-facts">Order</h2>
        </div>
        <dl className="facts card-body">
          <dt>Status</dt>
          <dd>
            <StatusBadge status={order.status} />
            {editable ? <span className="subtle"> · editable until released</span> : null}
          </dd>
          <dt>Order date</dt>
          <dd>{dash(order.orderDate)}</dd>
          <dt>Customer PO</dt>
          <dd>{dash(order.customerOrderNumber)}</dd>
          <dt>End customer PO</dt>
          <dd>{dash(order.endCustomerOrderNumber)}</dd>
          <dt>Vendor sales order</dt>
          <dd>{dash(order.vendorSalesOrderNumber)}</dd>
          <dt>Ingram PO number</dt>
          <dd className="mono">{dash(order.ingramPurchaseOrderNumber)}</dd>
          {order.webOrderId ? (
            <>
              <dt>Web order id</dt>
              <dd className="mono">{order.webOrderId}</dd>
            </>
          ) : null}
          <dt>Order type</dt>
          <dd>
            {order.orderType === "S"
              ? "Stocked (S)"
              : order.orderType === "D"
                ? "Direct ship (D)"
                : dash(order.orderType)}
          </dd>
          <dt>Payment terms</dt>
          <dd>{dash(order.paymentTerms)}</dd>
          <dt>Total weight</dt>
          <dd>
            {order.totalWeight === null
              ? "—"
              : `${formatNumber(order.totalWeight)} ${(order.weightUnit ?? "").toLowerCase()}`.trim()}
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="order-totals">
        <div className="card-head">
          <h2 id="order-totals">Totals</h2>
          <span className="subtle">{c ?? "Currency not given"}</span>
        </div>
        <dl className="facts card-body">
          <dt>Subtotal</dt>
          <dd>{formatMoney(order.totals.subTotal, c)}</dd>
          <dt>Freight</dt>
          <dd>{formatMoney(order.totals.freight, c)}</dd>
          <dt>Tax</dt>
          <dd>{formatMoney(order.totals.tax, c)}</dd>
          <dt>Fees</dt>
          <dd>{formatMoney(order.totals.fees, c)}</dd>
          <dt>
            <strong>Total</strong>
          </dt>
          <dd>
            <strong>{formatMoney(order.totals.total, c)}</strong>
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="order-addresses" style={{ gridColumn: "1 / -1" }}>
        <div className="card-head">
          <h2 id="order-addresses">Addresses</h2>
        </div>
        <div className="card-body grid-2" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(220px, 1fr))" }}>
          <AddressBlock title="Ship to" address={order.shipTo} />
          <AddressBlock title="Bill to" address={order.billTo} />
          <AddressBlock title="End user" address={order.endUser} />
        </div>
      </section>
    </div>
  );
}
