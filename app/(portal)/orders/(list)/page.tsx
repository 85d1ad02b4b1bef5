import type { Metadata } from "next";
import { ButtonLink } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { ErrorPanel } from "@/app/_components/error-panel";
import { ForbiddenPanel } from "@/app/_components/forbidden-panel";
import { formatAge, formatMoney } from "@/app/_components/format";
import { Pagination } from "@/app/_components/pagination";
import { hrefWith, toSearchParams, type RawSearchParams } from "@/app/_components/url";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz";
import { bulkEligibleOrders } from "@/lib/order-index/bulk-eligibility";
import { searchOrders } from "@/lib/orders/search-orders";
import { zodFields } from "@/lib/validation/fields";
import { orderSearchQuerySchema } from "@/lib/validation/search-filters";
import { LiveUpdates } from "../../live-updates";
import { loadForPage } from "../../page-data";
import { BulkActions } from "./bulk-actions";
import { bulkSelectColumn } from "./bulk-select-column";
import { ExportCsvButton } from "./export-csv-button";
import { OrdersFilterForm } from "./orders-filter-form";
import { OrdersTable } from "./orders-table";
import { RefreshButton } from "./refresh-button";
import { StatusFilterNote } from "./status-filter-note";

export const metadata: Metadata = { title: "Orders" };

const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const actor = await requirePageActor(hrefWith("/orders", raw));
  if (!can(actor, "orders.read")) return <ForbiddenPanel what="orders" />;

  const parsed = orderSearchQuerySchema.safeParse(raw);
  const errors = parsed.success ? {} : zodFields(parsed.error);
  const query = parsed.success ? { ...parsed.data, pageSize: parsed.data.pageSize ?? DEFAULT_PAGE_SIZE } : null;
  const result = query ? await loadForPage("search orders", (cid) => searchOrders(actor, query, cid)) : null;

  const { pageNumber: _p, sort: _s, dir: _d, ...exportParams } = raw;
  const exportHref = `/api/orders/export?${toSearchParams(exportParams).toString()}`.replace(/\?$/, "");
  const page = result?.ok ? result.data : null;
  const { pageNumber: _rp, ...refreshParams } = raw;
  const refreshQuery = toSearchParams(refreshParams).toString();
  // Held orders on this page that the user may release or cancel: the only rows offered for selection.
  const mayBulk = can(actor, "orders.release") || can(actor, "orders.cancel");
  const eligible =
    page && mayBulk
      ? await bulkEligibleOrders(
          actor,
          page.orders.map((o) => o.orderNumber),
        ).catch(() => [])
      : [];
  const selectable = new Set(eligible.map((e) => e.orderNumber.toUpperCase()));
  const selectionRows = (page?.orders ?? [])
    .filter((o) => selectable.has(o.orderNumber.toUpperCase()))
    .map((o) => ({
      orderNumber: o.orderNumber,
      orderDate: o.orderDate,
      customerOrderNumber: o.customerOrderNumber,
      endCustomer: o.endUserCompanyName,
      vendor: o.vendorName,
      total: o.total,
      status: o.status.label,
    }));

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Orders</h1>
          <p className="meta">
            {page
              ? `${page.total.toLocaleString("en-US")} ${page.total === 1 ? "order" : "orders"} match`
              : "Search Ingram Micro orders"}
            {page?.totalValue != null ? ` · ${formatMoney(page.totalValue)} together` : null}
            {page ? (
              <span data-testid="synced-at">
                {" · "}
                {page.syncedAt ? `synced ${formatAge(page.syncedAt)}` : "not synced yet"}
              </span>
            ) : null}
            {page ? (
              <>
                {" "}
                <LiveUpdates orderNumbers={page.orders.map((o) => o.orderNumber)} />
              </>
            ) : null}
          </p>
        </div>
        <div className="toolbar">
          <RefreshButton query={refreshQuery} />
          <ButtonLink href="/orders/requests">Order requests</ButtonLink>
          {page && page.total > 0 ? <ExportCsvButton href={exportHref} total={page.total} /> : null}
          {can(actor, "orders.create") ? (
            <ButtonLink href="/orders/new" variant="primary">
              New order
            </ButtonLink>
          ) : null}
        </div>
      </div>

      <OrdersFilterForm raw={raw} errors={errors} />

      {!parsed.success ? (
        <div className="panel panel-warn" role="status">
          Some filters are not valid; fix the highlighted fields and search again.
        </div>
      ) : null}

      {page?.liveReason ? (
        <div className="panel panel-warn" role="status">
          {page.liveReason} It shows Ingram&apos;s page as is: sorting covers this page only, and free text and end
          customer filters wait for the index.
        </div>
      ) : null}

      {result && !result.ok ? (
        result.code === "forbidden" ? (
          <ForbiddenPanel what="orders" />
        ) : (
          <ErrorPanel
            title="Orders could not be loaded"
            message={result.message}
            correlationId={result.correlationId}
            retryAfterSeconds={result.retryAfterSeconds}
          />
        )
      ) : null}

      {page ? (
        <section className="card" aria-label="Search results">
          {page.orders.length === 0 ? (
            <EmptyState
              title="No orders match these filters"
              actions={<ButtonLink href="/orders">Clear filters</ButtonLink>}
            >
              Widen the date range or remove a filter. Without filters Ingram searches roughly the last 20 days.
            </EmptyState>
          ) : (
            <>
              <BulkActions
                key={page.orders.map((o) => o.orderNumber).join(",")}
                rows={selectionRows}
                canRelease={can(actor, "orders.release")}
                canCancel={can(actor, "orders.cancel")}
              >
                <OrdersTable
                  selectColumn={mayBulk ? bulkSelectColumn(eligible) : undefined}
                  orders={page.orders}
                  query={toSearchParams(raw)}
                  caption={
                    <>
                      Orders, page {page.page} of {Math.max(1, page.pageCount)}
                      <span className="subtle">
                        {page.source === "index"
                          ? "From the order index: sorting covers every matching order."
                          : "Live from Ingram: sorting applies to the orders on this page."}
                      </span>
                      {query ? <StatusFilterNote query={query} /> : null}
                    </>
                  }
                />
              </BulkActions>
              <Pagination
                pathname="/orders"
                params={raw}
                pageNumber={page.page}
                pageSize={query?.pageSize ?? DEFAULT_PAGE_SIZE}
                total={page.total}
                pageSizes={PAGE_SIZES}
                label="Orders pages"
              />
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
