import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ErrorPanel } from "@/app/_components/error-panel";
import { ForbiddenPanel } from "@/app/_components/forbidden-panel";
import { formatDateTime } from "@/app/_components/format";
import { StatusBadge } from "@/app/_components/status-badge";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz";
import { getAuditEvent } from "@/lib/audit/query";
import type { AuditEventView } from "@/lib/audit/types";
import { loadForPage } from "../../page-data";
import { actionLabel, outcomeBadge } from "../action-labels";
import { OrderDiffView } from "./order-diff";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Audit event ${(await params).id}` };
}

function EventLink({ e }: { e: AuditEventView }) {
  return (
    <Link href={`/audit/${e.seq}`}>
      #{e.seq} {actionLabel(e.action)} · {outcomeBadge(e.outcome).label} · {formatDateTime(e.at)}
    </Link>
  );
}

function Json({ value, label }: { value: unknown; label: string }) {
  if (value === null || value === undefined) return <p className="muted card-body">None recorded.</p>;
  return (
    <pre className="json" tabIndex={0} aria-label={label}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export default async function AuditEventPage({ params }: { params: Params }) {
  const id = (await params).id;
  if (!/^[0-9a-zA-Z-]{1,40}$/.test(id)) notFound();
  const actor = await requirePageActor(`/audit/${id}`);
  if (!can(actor, "audit.read")) return <ForbiddenPanel what="the audit log" />;
  const result = await loadForPage("audit event", () => getAuditEvent(actor, id));
  if (!result.ok && result.code === "not_found") notFound();
  if (!result.ok)
    return (
      <ErrorPanel
        title="The event could not be loaded"
        message={result.message}
        correlationId={result.correlationId}
        retryAfterSeconds={result.retryAfterSeconds}
      />
    );

  const { event: e, intent, outcomes, diff } = result.data;
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <div className="crumbs">
            <Link href="/audit">Audit log</Link> / #{e.seq}
          </div>
          <h1 className="row" style={{ gap: 10 }}>
            {actionLabel(e.action)} <StatusBadge status={outcomeBadge(e.outcome)} />
          </h1>
          <p className="meta">
            {formatDateTime(e.at)} · {e.actor?.email || "Ingram Micro / system"}
          </p>
        </div>
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="ev-facts">
          <div className="card-head">
            <h2 id="ev-facts">Event</h2>
          </div>
          <dl className="facts card-body">
            <dt>Sequence</dt>
            <dd>#{e.seq}</dd>
            <dt>Time</dt>
            <dd>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            </dd>
            <dt>Actor</dt>
            <dd>{e.actor?.email || "Ingram Micro / system"}</dd>
            <dt>Action</dt>
            <dd>
              {actionLabel(e.action)} <span className="subtle mono">{e.action}</span>
            </dd>
            <dt>Order</dt>
            <dd>
              {e.orderNumber ? (
                <Link className="mono" href={`/orders/${encodeURIComponent(e.orderNumber)}`}>
                  {e.orderNumber}
                </Link>
              ) : (
                "—"
              )}
            </dd>
            <dt>Outcome</dt>
            <dd>
              <StatusBadge status={outcomeBadge(e.outcome)} />
            </dd>
            <dt>Ingram status</dt>
            <dd>{e.ingramStatus ?? "—"}</dd>
            <dt>Correlation id</dt>
            <dd>{e.correlationId ? <code>{e.correlationId}</code> : "—"}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="ev-links">
          <div className="card-head">
            <h2 id="ev-links">Related events</h2>
          </div>
          <div className="card-body stack" style={{ gap: 6 }}>
            {intent ? (
              <p>
                Started by <EventLink e={intent} />
              </p>
            ) : null}
            {outcomes.map((o) => (
              <p key={o.id}>
                Outcome <EventLink e={o} />
              </p>
            ))}
            {!intent && outcomes.length === 0 ? <p className="muted">This event stands alone.</p> : null}
            <p className="subtle" style={{ marginTop: 8 }}>
              Chain: <code title={e.prevHash}>{e.prevHash.slice(0, 12)}…</code> →{" "}
              <code title={e.hash}>{e.hash.slice(0, 12)}…</code>
            </p>
          </div>
        </section>
      </div>
      {Array.isArray(e.ingramErrors) && e.ingramErrors.length ? (
        <section className="card" aria-labelledby="ev-errors">
          <div className="card-head">
            <h2 id="ev-errors">Ingram errors</h2>
          </div>
          <Json value={e.ingramErrors} label="Ingram errors" />
        </section>
      ) : null}
      <section className="card" aria-labelledby="ev-diff">
        <div className="card-head">
          <h2 id="ev-diff">Order before and after</h2>
        </div>
        {diff ? (
          <OrderDiffView diff={diff} action={e.action} />
        ) : (
          <p className="muted card-body">No before/after snapshot for this event.</p>
        )}
      </section>
      <section className="card" aria-labelledby="ev-request">
        <div className="card-head">
          <h2 id="ev-request">Request</h2>
        </div>
        <Json value={e.request ?? intent?.request} label="Request as recorded" />
      </section>
    </div>
  );
}
