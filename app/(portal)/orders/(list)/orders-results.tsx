import { ButtonLink } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";
import { Pagination } from "@/app/_components/pagination";
import { hrefWith, toSearchParams, type RawSearchParams } from "@/app/_components/url";
import type { DataColumn } from "@/app/_components/data-table";
import type { OrderSearchPage, OrderSummary } from "@/lib/orders/dto-types";
import type { Density, OrderColumnId } from "@/lib/validation/list-view";
import type { OrderSearchQuery } from "@/lib/validation/search-filters";
import { BulkActions, type BulkActionsProps } from "./bulk-actions";
import { OrdersTable } from "./orders-table";
import { StatusFilterNote } from "./status-filter-note";

/**
 * The results card: the table and its pager, or why there is nothing to show. A page number past the end is
 * said as such (the filters do match orders) with a link to the last page, not as "No orders match".
 */
export function OrdersResults({
  page,
  query,
  raw,
  columns,
  density,
  timeZone,
  now,
  pageSizes,
  bulk,
}: {
  page: OrderSearchPage;
  query: OrderSearchQuery & { pageSize: number };
  raw: RawSearchParams;
  columns: OrderColumnId[];
  density: Density;
  timeZone: string;
  now: Date;
  pageSizes: readonly number[];
  /** Bulk release/cancel of the page's held orders, for a user who may release or cancel. */
  bulk: (Omit<BulkActionsProps, "children"> & { selectColumn: DataColumn<OrderSummary> }) | null;
}) {
  const lastPage = Math.max(1, page.pageCount);
  const table = (
    <OrdersTable
      orders={page.orders}
      query={toSearchParams(raw)}
      columns={columns}
      density={density}
      timeZone={timeZone}
      now={now}
      selectColumn={bulk?.selectColumn}
      caption={
        <>
          Orders, page {page.page} of {lastPage}
          <span className="subtle">
            {page.source === "index"
              ? "From the order index: sorting covers every matching order."
              : "Live from Ingram: sorting applies to the orders on this page."}
          </span>
          <StatusFilterNote query={query} />
        </>
      }
    />
  );
  return (
    <section className="card" aria-label="Search results">
      {page.orders.length === 0 && page.total > 0 && page.page > lastPage ? (
        <EmptyState
          title={`Page ${page.page.toLocaleString("en-US")} is past the last page`}
          actions={
            <ButtonLink href={hrefWith("/orders", raw, { pageNumber: lastPage === 1 ? undefined : lastPage })}>
              Go to the last page ({lastPage.toLocaleString("en-US")})
            </ButtonLink>
          }
        >
          {page.total.toLocaleString("en-US")} {page.total === 1 ? "order matches" : "orders match"} these filters, on{" "}
          {lastPage.toLocaleString("en-US")} {lastPage === 1 ? "page" : "pages"} of {query.pageSize}.
        </EmptyState>
      ) : page.orders.length === 0 ? (
        <EmptyState
          title="No orders match these filters"
          actions={<ButtonLink href="/orders">Clear filters</ButtonLink>}
        >
          Widen the date range or remove a filter. Without filters Ingram searches roughly the last 20 days.
        </EmptyState>
      ) : (
        <>
          {bulk ? (
            <BulkActions
              key={page.orders.map((o) => o.orderNumber).join(",")}
              rows={bulk.rows}
              canRelease={bulk.canRelease}
              canCancel={bulk.canCancel}
            >
              {table}
            </BulkActions>
          ) : (
            table
          )}
          <Pagination
            pathname="/orders"
            params={raw}
            pageNumber={page.page}
            pageSize={query.pageSize}
            total={page.total}
            pageSizes={pageSizes}
            label="Orders pages"
          />
        </>
      )}
    </section>
  );
}
