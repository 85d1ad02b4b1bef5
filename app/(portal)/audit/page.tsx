import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/empty-state";
import { ErrorPanel } from "@/app/_components/error-panel";
import { ForbiddenPanel } from "@/app/_components/forbidden-panel";
import { Pagination } from "@/app/_components/pagination";
import { hrefWith, toSearchParams, type RawSearchParams } from "@/app/_components/url";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz";
import { listAuditEvents } from "@/lib/audit/query";
import { zodFields } from "@/lib/validation/fields";
import { AUDIT_PAGE_SIZE_DEFAULT, auditFiltersInput, parseAuditFilters } from "@/lib/validation/audit-filters";
import { loadForPage } from "../page-data";
import { actionLabel, outcomeBadge } from "./action-labels";
import { AuditFilterForm } from "./audit-filter-form";
import { AuditTable, type AuditRow } from "./audit-table";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const actor = await requirePageActor(hrefWith("/audit", raw));
  if (!can(actor, "audit.read")) return <ForbiddenPanel what="the audit log" />;

  const values = auditFiltersInput(raw);
  const parsed = parseAuditFilters(raw);
  const errors = parsed.success ? {} : zodFields(parsed.error);
  const result = parsed.success ? await loadForPage("audit list", () => listAuditEvents(actor, parsed.data)) : null;
  const { page: _p, cursor: _c, pageSize: _s, ...filterParams } = values;
  const csvHref = `/api/audit?${toSearchParams({ ...filterParams, format: "csv" }).toString()}`;
  const rows: AuditRow[] = result?.ok
    ? result.data.rows.map((e) => ({
        seq: e.seq,
        at: e.at,
        actorEmail: e.actor?.email || null,
        action: e.action,
        actionLabel: actionLabel(e.action),
        orderNumber: e.orderNumber,
        outcome: outcomeBadge(e.outcome),
        correlationId: e.correlationId,
      }))
    : [];

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Audit log</h1>
          <p className="meta">
            Every order change, Ingram notification and sign-in, newest first. Events are append-only and hash-chained.
          </p>
        </div>
        <div className="toolbar">
          <a className="btn" href={csvHref} download>
            Export CSV
          </a>
        </div>
      </div>
      <AuditFilterForm values={values} errors={errors} />
      {!parsed.success ? (
        <div className="panel panel-warn" role="status">
          Some filters are not valid; fix the highlighted fields.
        </div>
      ) : null}
      {result && !result.ok ? (
        <ErrorPanel
          title="The audit log could not be loaded"
          message={result.message}
          correlationId={result.correlationId}
          retryAfterSeconds={result.retryAfterSeconds}
        />
      ) : null}
      {result?.ok ? (
        <section className="card" aria-label="Audit events">
          {rows.length === 0 ? (
            <EmptyState title="No events match these filters">Try a wider date range or fewer filters.</EmptyState>
          ) : (
            <>
              <AuditTable rows={rows} caption={`Audit events (${result.data.total.toLocaleString("en-US")})`} />
              <Pagination
                pathname="/audit"
                params={{ ...raw, cursor: undefined }}
                pageNumber={result.data.page}
                pageSize={result.data.pageSize ?? AUDIT_PAGE_SIZE_DEFAULT}
                total={result.data.total}
                pageParam="page"
                sizeParam="pageSize"
                pageSizes={[25, 50, 100]}
                label="Audit pages"
              />
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
