import type { Metadata } from "next";
import Link from "next/link";
import { ErrorPanel } from "@/app/_components/error-panel";
import { ForbiddenPanel } from "@/app/_components/forbidden-panel";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz";
import { orderSeed, type OrderSeed } from "@/lib/orders/duplicate-order";
import { readOrder } from "@/lib/orders/get-order";
import { isOrderNumber } from "@/lib/validation/order-number";
import { loadForPage, type PageFailure } from "../../page-data";
import { prefillLines } from "../_form/resend-lines";
import { CreateOrderForm } from "./create-order-form";
import { QuoteOrderForm } from "./quote-order-loader";

export const metadata: Metadata = { title: "New order" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function pathOf(fromQuote: boolean, duplicate: string | null) {
  if (fromQuote) return "/orders/new?from=quote";
  return duplicate ? `/orders/new?duplicate=${encodeURIComponent(duplicate)}` : "/orders/new";
}

async function seedOf(actor: Parameters<typeof readOrder>[0], n: string): Promise<OrderSeed | PageFailure> {
  if (!isOrderNumber(n))
    return { ok: false, code: "not_found", status: 404, message: `"${n}" is not an order number.`, correlationId: "" };
  const read = await loadForPage("order to duplicate", (cid) => readOrder(actor, n, cid));
  return read.ok ? orderSeed(read.data.order) : read;
}

export default async function NewOrderPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const fromQuote = sp.from === "quote";
  const duplicate = !fromQuote && typeof sp.duplicate === "string" ? sp.duplicate : null;
  const prefill = fromQuote || duplicate ? [] : prefillLines(sp.line);
  const actor = await requirePageActor(pathOf(fromQuote, duplicate));
  if (!can(actor, "orders.create")) return <ForbiddenPanel what="order creation" />;
  const seed = duplicate ? await seedOf(actor, duplicate) : null;
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
          aria-current={fromQuote || duplicate ? undefined : "page"}
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
      {seed && "ok" in seed ? (
        <ErrorPanel
          title={`Order ${duplicate} could not be duplicated`}
          message={seed.message}
          correlationId={seed.correlationId || undefined}
        />
      ) : null}
      {seed && !("ok" in seed) ? (
        <div className="panel panel-ok" role="status" data-testid="duplicate-note">
          Copied from order{" "}
          <Link className="mono" href={`/orders/${encodeURIComponent(seed.from)}`}>
            {seed.from}
          </Link>
          : {seed.lines.length} {seed.lines.length === 1 ? "line" : "lines"}, ship-to and end user
          {seed.skippedLines ? ` (${seed.skippedLines} cancelled or unnumbered lines left out)` : ""}. Give it a new
          customer PO number.
        </div>
      ) : null}
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
          seed={seed && !("ok" in seed) ? seed : undefined}
          initialLines={prefill}
        />
      )}
    </div>
  );
}
