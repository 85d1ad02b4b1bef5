import type { Metadata } from "next";
import "./orders-list.css";
import { ButtonLink } from "@/app/_components/button";
import { ErrorPanel } from "@/app/_components/error-panel";
import { ForbiddenPanel } from "@/app/_components/forbidden-panel";
import { formatAge, formatMoney } from "@/app/_components/format";
import { hrefWith, toSearchParams, type RawSearchParams } from "@/app/_components/url";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz";
import { applyDatePreset } from "@/lib/calendar";
import { bulkEligibleOrders } from "@/lib/order-index/bulk-eligibility";
import { orderFilterChoices, searchOrders } from "@/lib/orders/search-orders";
import { userTimeZone } from "@/lib/user-time-zone";
import { colsParam, readListUrl } from "@/lib/validation/list-view";
import { listViews } from "@/lib/views/saved-views";
import { LiveUpdates } from "../../live-updates";
import { loadForPage } from "../../page-data";
import { bulkSelectColumn } from "./bulk-select-column";
import { ExportCsvButton } from "./export-csv-button";
import { ColumnChooser, DatePresetLinks } from "./list-view-controls";
import { OrdersFilterForm } from "./orders-filter-form";
import { OrdersResults } from "./orders-results";
import { RefreshButton } from "./refresh-button";
import { SavedViews } from "./saved-views";

export const metadata: Metadata = { title: "Orders" };

const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  const actor = await requirePageActor(hrefWith("/orders", raw));
  if (!can(actor, "orders.read")) return <ForbiddenPanel what="orders" />;

  const url = readListUrl(raw);
  const { errors, datePreset, columns, density } = url;
  const now = new Date();
  const timeZone = await userTimeZone();
  const query = url.filters
    ? {
        ...applyDatePreset(url.filters, datePreset, now, timeZone),
        pageSize: url.filters.pageSize ?? DEFAULT_PAGE_SIZE,
      }
    : null;
  const [result, views, choices] = await Promise.all([
    query ? loadForPage("search orders", (cid) => searchOrders(actor, query, cid)) : null,
    listViews(actor).catch(() => []),
    orderFilterChoices(actor).catch(() => ({ vendors: [], endCustomers: [] })),
  ]);

  // The date range inputs show what a preset stands for; searching with the form keeps those dates.
  const formRaw =
    query?.["ingramOrderDate-bt"] && datePreset ? { ...raw, "ingramOrderDate-bt": query["ingramOrderDate-bt"] } : raw;
  // The export follows the list as shown: its filters, sort and columns, every page.
  const { pageNumber: _p, pageSize: _ps, density: _d, cols: _c, ...exportParams } = raw;
  const exportQuery = toSearchParams({ ...exportParams, cols: colsParam(columns) }).toString();
  const exportHref = exportQuery ? `/api/orders/export?${exportQuery}` : "/api/orders/export";
  const page = result?.ok ? result.data : null;
  // A refresh asks Ingram for the dates a preset stands for; a saved view keeps the preset itself.
  const { pageNumber: _rp, ...refreshParams } = formRaw;
  const refreshQuery = toSearchParams(refreshParams).toString();
  const { pageNumber: _vp, ...viewParams } = raw;
  const viewQuery = toSearchParams(viewParams).toString();
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

      <DatePresetLinks raw={raw} active={datePreset} />
      <OrdersFilterForm
        raw={formRaw}
        errors={errors}
        choices={{ vendorName: choices.vendors, endCustomerName: choices.endCustomers }}
      />
      <div className="toolbar list-view-bar">
        <ColumnChooser raw={raw} columns={columns} density={density} />
        <SavedViews views={views.map(({ id, name, href }) => ({ id, name, href }))} query={viewQuery} />
      </div>

      {!url.filters ? (
        <div className="panel panel-warn" role="status">
          Some filters are not valid; fix the highlighted fields and search again.
          {errors.datePreset ? ` ${errors.datePreset}` : null}
        </div>
      ) : null}

      {url.viewProblem ? (
        <div className="panel panel-warn" role="status">
          This link&apos;s columns or density could not be used ({url.viewProblem}); the default columns are shown.
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

      {page && query ? (
        <OrdersResults
          page={page}
          query={query}
          raw={raw}
          columns={columns}
          density={density}
          timeZone={timeZone}
          now={now}
          pageSizes={PAGE_SIZES}
          bulk={
            mayBulk
              ? {
                  selectColumn: bulkSelectColumn(eligible),
                  rows: selectionRows,
                  canRelease: can(actor, "orders.release"),
                  canCancel: can(actor, "orders.cancel"),
                }
              : null
          }
        />
      ) : null}
    </div>
  );
}
