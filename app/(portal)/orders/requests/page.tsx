import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/app/_components/empty-state";
import { ErrorPanel } from "@/app/_components/error-panel";
import { ForbiddenPanel } from "@/app/_components/forbidden-panel";
import { ButtonLink } from "@/app/_components/button";
import { hrefWith, type RawSearchParams } from "@/app/_components/url";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz";
import { listOrderRequests } from "@/lib/orders/create-order-request";
import type { OrderRequestView } from "@/lib/orders/dto-types";
import { loadForPage } from "../../page-data";
import { RequestsTable } from "./requests-table";

export const metadata: Metadata = { title: "Order requests" };

type Group = { id: string; title: string; hint: string; statuses: OrderRequestView["status"][] };

const GROUPS: Group[] = [
  {
    id: "pending",
    title: "Waiting for Ingram",
    hint: "Sent (v7) and not yet confirmed. Ingram confirms by webhook, usually within a minute; past the timeout Orderdesk searches Ingram by customer PO.",
    statuses: ["submitted", "pending"],
  },
  {
    id: "failed",
    title: "Failed",
    hint: "Ingram did not create these orders. Its reasons are in plain words, with Ingram's own text kept.",
    statuses: ["failed"],
  },
  {
    id: "unknown",
    title: "Not confirmed",
    hint: "Ingram did not confirm in time and no order was found yet: it may still create them.",
    statuses: ["unknown"],
  },
];

/** The v7 (asynchronous) order requests: pending and failed first, then those that became orders. */
export default async function OrderRequestsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const actor = await requirePageActor(hrefWith("/orders/requests", raw));
  if (!can(actor, "orders.read")) return <ForbiddenPanel what="order requests" />;
  const scope = raw.scope === "all" ? "all" : "mine";
  const result = await loadForPage("order requests", () => listOrderRequests(actor, { scope }));

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <div className="crumbs">
            <Link href="/orders">Orders</Link> / Requests
          </div>
          <h1>Order requests</h1>
          <p className="meta">Orders sent to Ingram asynchronously (v7), newest 100.</p>
        </div>
        <div className="toolbar">
          <ButtonLink href={scope === "all" ? "/orders/requests?scope=all" : "/orders/requests"}>
            Check again
          </ButtonLink>
          {can(actor, "orders.create") ? (
            <ButtonLink href="/orders/new" variant="primary">
              New order
            </ButtonLink>
          ) : null}
        </div>
      </div>
      <nav aria-label="Whose requests" className="row" style={{ gap: 16 }}>
        <Link
          href="/orders/requests"
          aria-current={scope === "mine" ? "page" : undefined}
          style={{ fontWeight: scope === "mine" ? 600 : 400 }}
        >
          Mine
        </Link>
        <Link
          href="/orders/requests?scope=all"
          aria-current={scope === "all" ? "page" : undefined}
          style={{ fontWeight: scope === "all" ? 600 : 400 }}
        >
          Everyone&apos;s
        </Link>
      </nav>
      {!result.ok ? (
        <ErrorPanel
          title="Order requests could not be loaded"
          message={result.message}
          correlationId={result.correlationId}
          retryAfterSeconds={result.retryAfterSeconds}
        />
      ) : (
        <RequestGroups requests={result.data} showAuthor={scope === "all"} />
      )}
    </div>
  );
}

function RequestGroups({ requests, showAuthor }: { requests: OrderRequestView[]; showAuthor: boolean }) {
  const created = requests.filter((r) => r.status === "created");
  return (
    <>
      {GROUPS.map((g) => {
        const rows = requests.filter((r) => g.statuses.includes(r.status));
        if (g.id === "unknown" && rows.length === 0) return null;
        return (
          <section key={g.id} className="card" aria-labelledby={`req-${g.id}-h`} data-testid={`requests-${g.id}`}>
            <div className="card-head">
              <h2 id={`req-${g.id}-h`}>
                {g.title} <span className="muted">({rows.length})</span>
              </h2>
            </div>
            <p className="subtle card-body">{g.hint}</p>
            {rows.length ? (
              <RequestsTable requests={rows} caption={g.title} showAuthor={showAuthor} />
            ) : (
              <EmptyState title={g.id === "pending" ? "Nothing waiting for Ingram" : "No failed requests"} />
            )}
          </section>
        );
      })}
      <section className="card" aria-labelledby="req-created-h" data-testid="requests-created">
        <div className="card-head">
          <h2 id="req-created-h">
            Created <span className="muted">({created.length})</span>
          </h2>
        </div>
        {created.length ? (
          <RequestsTable requests={created} caption="Created" showAuthor={showAuthor} />
        ) : (
          <p className="muted card-body">None yet.</p>
        )}
      </section>
    </>
  );
}
