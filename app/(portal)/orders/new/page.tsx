import type { Metadata } from "next";
import Link from "next/link";
import { ForbiddenPanel } from "@/app/_components/forbidden-panel";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz";
import { prefillLines } from "../_form/resend-lines";
import { CreateOrderForm } from "./create-order-form";
import { QuoteOrderForm } from "./quote-order-form";

export const metadata: Metadata = { title: "New order" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NewOrderPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const fromQuote = query.from === "quote";
  const prefill = fromQuote ? [] : prefillLines(query.line);
  const actor = await requirePageActor(fromQuote ? "/orders/new?from=quote" : "/orders/new");
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
      <nav aria-label="How to order" className="row" style={{ gap: 16 }}>
        <Link
          href="/orders/new"
          aria-current={fromQuote ? undefined : "page"}
          style={{ fontWeight: fromQuote ? 400 : 600 }}
        >
          By part number
        </Link>
        <Link
          href="/orders/new?from=quote"
          aria-current={fromQuote ? "page" : undefined}
          style={{ fontWeight: fromQuote ? 600 : 400 }}
        >
          From an Ingram quote
        </Link>
      </nav>
      {prefill.length ? (
        <p className="panel panel-warn" role="status" data-testid="prefilled">
          Started with the {prefill.length === 1 ? "line" : `${prefill.length} lines`} Ingram rejected. Correct the part
          numbers or quantities, add a customer PO, and send.
        </p>
      ) : null}
      {fromQuote ? (
        <QuoteOrderForm />
      ) : (
        <CreateOrderForm
          key={prefill.map((l) => `${l.ingramPartNumber}*${l.quantity}`).join(",")}
          initialLines={prefill}
        />
      )}
    </div>
  );
}
