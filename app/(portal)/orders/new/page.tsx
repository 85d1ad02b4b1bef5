import type { Metadata } from "next";
import Link from "next/link";
import { ForbiddenPanel } from "@/app/_components/forbidden-panel";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz";
import { CreateOrderForm } from "./create-order-form";

export const metadata: Metadata = { title: "New order" };

export default async function NewOrderPage() {
  const actor = await requirePageActor("/orders/new");
  if (!can(actor, "orders.create")) return <ForbiddenPanel what="order creation" />;
  return (
    <div className="stack" style={{ maxWidth: 980 }}>
      <div className="page-head">
        <div>
          <div className="crumbs">
            <Link href="/orders">Orders</Link> / New
          </div>
          <h1>New order</h1>
          <p className="meta">Sent to Ingram Micro under our account. Every submission is recorded in the audit log.</p>
        </div>
      </div>
      <CreateOrderForm />
    </div>
  );
}
