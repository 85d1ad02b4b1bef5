import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/app/_components/button";
import { ErrorPanel } from "@/app/_components/error-panel";
import { ForbiddenPanel } from "@/app/_components/forbidden-panel";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz";
import type { Address } from "@/lib/orders/dto-types";
import { getOrder } from "@/lib/orders/get-order";
import { loadForPage, orderNumberParam } from "../../../page-data";
import type { ShipToValues } from "../../_form/draft-values";
import { ModifyOrderForm } from "./modify-order-form";
import { orderChangeRules } from "@/lib/orders/hold-rules";

type Params = Promise<{ orderNumber: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Edit ${(await params).orderNumber}` };
}

function shipToValues(a: Address | null): ShipToValues {
  return {
    companyName: a?.companyName ?? "",
    contact: a?.contact ?? "",
    addressLine1: a?.lines[0] ?? "",
    addressLine2: a?.lines[1] ?? "",
    addressLine3: a?.lines[2] ?? "",
    name1: "",
    name2: "",
    city: a?.city ?? "",
    state: a?.state ?? "",
    postalCode: a?.postalCode ?? "",
    countryCode: a?.countryCode ?? "",
    phoneNumber: a?.phone ?? "",
    email: a?.email ?? "",
    addressId: a?.addressId ?? "",
  };
}

export default async function EditOrderPage({ params }: { params: Params }) {
  const orderNumber = await orderNumberParam(params);
  const href = `/orders/${encodeURIComponent(orderNumber)}`;
  const actor = await requirePageActor(`${href}/edit`);
  if (!can(actor, "orders.modify")) return <ForbiddenPanel what="changing orders" />;
  const result = await loadForPage("order for edit", (cid) => getOrder(actor, orderNumber, cid));
  if (!result.ok && result.code === "not_found") notFound();
  if (!result.ok && result.code === "forbidden") return <ForbiddenPanel what="this order" />;

  const head = (
    <div className="page-head">
      <div>
        <div className="crumbs">
          <Link href="/orders">Orders</Link> /{" "}
          <Link className="mono" href={href}>
            {orderNumber}
          </Link>{" "}
          / Edit
        </div>
        <h1>
          Edit order <span className="mono">{orderNumber}</span>
        </h1>
        <p className="meta">Changes go to Ingram Micro as one modification. Only held orders can be changed.</p>
      </div>
    </div>
  );
  if (!result.ok) {
    return (
      <div className="stack">
        {head}
        <ErrorPanel
          title="The order could not be loaded"
          message={result.message}
          correlationId={result.correlationId}
          retryAfterSeconds={result.retryAfterSeconds}
        />
      </div>
    );
  }
  const order = result.data;
  const rules = orderChangeRules(order);
  if (!rules.canModify) {
    return (
      <div className="stack">
        {head}
        <div className="panel panel-warn" role="status" data-testid="change-refused">
          <h2>This order cannot be changed</h2>
          <p>
            {rules.reason} Its status is {order.status.label}.
          </p>
          <p style={{ marginTop: 10 }}>
            <ButtonLink href={href}>Back to order</ButtonLink>
          </p>
        </div>
      </div>
    );
  }
  const lines = order.lines
    .filter((l): l is typeof l & { lineNumber: string } => !!l.lineNumber)
    .map((l) => ({
      lineNumber: l.lineNumber,
      ingramPartNumber: l.ingramPartNumber,
      description: l.description,
      originalQuantity: l.quantityOrdered,
      quantity: l.quantityOrdered === null ? "" : String(l.quantityOrdered),
      remove: false,
    }));
  return (
    <div className="stack" style={{ maxWidth: 1080 }}>
      {head}
      <ModifyOrderForm
        orderNumber={order.orderNumber}
        lines={lines}
        shipTo={shipToValues(order.shipTo)}
        notes={order.notes ?? ""}
      />
    </div>
  );
}
