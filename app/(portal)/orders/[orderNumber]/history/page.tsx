import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { ErrorPanel } from "@/app/_components/error-panel";
import { ForbiddenPanel } from "@/app/_components/forbidden-panel";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz";
import { orderTimeline } from "@/lib/audit/query";
import { AuditTimeline } from "../../../audit/audit-timeline";
import { loadForPage, orderNumberParam } from "../../../page-data";

type Params = Promise<{ orderNumber: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `History of ${(await params).orderNumber}` };
}

export default async function OrderHistoryPage({ params }: { params: Params }) {
  const orderNumber = await orderNumberParam(params);
  const encoded = encodeURIComponent(orderNumber);
  const actor = await requirePageActor(`/orders/${encoded}/history`);
  if (!can(actor, "audit.read")) return <ForbiddenPanel what="this order's history" />;
  const result = await loadForPage("order history", () => orderTimeline(actor, orderNumber));

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <div className="crumbs">
            <Link href="/orders">Orders</Link> /{" "}
            <Link className="mono" href={`/orders/${encoded}`}>
              {orderNumber}
            </Link>{" "}
            / History
          </div>
          <h1>
            History of order <span className="mono">{orderNumber}</span>
          </h1>
          <p className="meta">Every change made through Orderdesk and every Ingram Micro notification, newest first.</p>
        </div>
        <div className="toolbar">
          <ButtonLink href={`/audit?orderNumber=${encoded}`}>Open in audit log</ButtonLink>
          <a className="btn" href={`/api/audit?format=csv&orderNumber=${encoded}`} download>
            Export CSV
          </a>
        </div>
      </div>
      {!result.ok ? (
        result.code === "forbidden" ? (
          <ForbiddenPanel what="this order's history" />
        ) : (
          <ErrorPanel
            title="History could not be loaded"
            message={result.message}
            correlationId={result.correlationId}
            retryAfterSeconds={result.retryAfterSeconds}
          />
        )
      ) : result.data.length === 0 ? (
        <div className="card">
          <EmptyState title="No recorded activity">
            Nobody has created, changed, released or cancelled this order through Orderdesk.
          </EmptyState>
        </div>
      ) : (
        <section className="card" aria-label={`History of order ${orderNumber}`}>
          <AuditTimeline events={result.data} />
        </section>
      )}
    </div>
  );
}
