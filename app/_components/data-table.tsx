// The portal's one table, rendered on the server with @tanstack/react-table's table core (its column model,
// header groups and sorted row model), so a page's first-load JavaScript carries no table code (each page is
// capped at 150 KB, `npm run bench`). Sorting is the URL's: sortable headers are links that write sort/dir,
// and a table sorts the rows it has unless they already arrive in the URL's order (manualSorting).

import Link from "next/link";
import type { ReactNode } from "react";
import {
  constructTable,
  createColumnHelper,
  createSortedRowModel,
  flexRender,
  metaHelper,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  type ColumnDef,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { storeReactivityBindings } from "@tanstack/table-core/store-reactivity-bindings";

export interface DataColumnMeta {
  /** Right-aligns numbers and money. */
  align?: "end";
  /** Header text for assistive tech when the visible header is short or empty. */
  label?: string;
}

/** One feature set for every portal table: sorting of the rows it is given, nothing else. */
const dataTableFeatures = tableFeatures({
  coreReactivityFeature: storeReactivityBindings(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, datetime: sortFn_datetime, text: sortFn_text },
  columnMeta: metaHelper<DataColumnMeta>(),
});

type DataTableFeatures = typeof dataTableFeatures;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataColumn<T extends RowData> = ColumnDef<DataTableFeatures, T, any>;

export function columnHelper<T extends RowData>() {
  return createColumnHelper<DataTableFeatures, T>();
}

export interface UrlSort {
  /** The page's path and its current query: header links keep every other parameter. */
  pathname: string;
  query: URLSearchParams;
  /** Query parameter names that hold the sort column and direction. */
  param?: string;
  dirParam?: string;
}

export interface DataTableProps<T extends RowData> {
  caption: ReactNode;
  /** Visually hide the caption (still announced) when the card already shows a heading. */
  captionHidden?: boolean;
  columns: DataColumn<T>[];
  data: T[];
  getRowId?: (row: T, index: number) => string;
  getRowClassName?: (row: T) => string | undefined;
  /** When set, sortable headers become links that write sort/dir to the URL. */
  urlSort?: UrlSort;
  /** The rows already arrive in the URL's order (sorted on the server); the table only shows the indicators. */
  manualSorting?: boolean;
  empty?: ReactNode;
  /** An id for the table body: a skip link's target, whose next Tab stop is the first row's first control. */
  bodyId?: string;
}

const noop = () => undefined;

function sortingOf<T extends RowData>(columns: DataColumn<T>[], urlSort: UrlSort | undefined): SortingState {
  if (!urlSort) return [];
  const id = urlSort.query.get(urlSort.param ?? "sort");
  const known = columns.some((c) => c.id === id || ("accessorKey" in c && c.accessorKey === id));
  return id && known ? [{ id, desc: urlSort.query.get(urlSort.dirParam ?? "dir") === "desc" }] : [];
}

function sortHref(urlSort: UrlSort, id: string, desc: boolean): string {
  const next = new URLSearchParams(urlSort.query);
  next.set(urlSort.param ?? "sort", id);
  next.set(urlSort.dirParam ?? "dir", desc ? "desc" : "asc");
  return `${urlSort.pathname}?${next.toString()}`;
}

export function DataTable<T extends RowData>({
  caption,
  captionHidden,
  columns,
  data,
  getRowId,
  getRowClassName,
  urlSort,
  manualSorting,
  empty,
  bodyId,
}: DataTableProps<T>) {
  const table = constructTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    enableSorting: !!urlSort,
    manualSorting,
    state: { sorting: sortingOf(columns, urlSort) },
    onSortingChange: noop,
  });
  const rows = table.getRowModel().rows;

  return (
    // Focusable so a keyboard can scroll it when it overflows (a table without links or fields in it).
    <div className="table-wrap" tabIndex={0}>
      <table className="data">
        <caption className={captionHidden ? "sr-only" : undefined}>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                const meta = column.columnDef.meta;
                const sorted = column.getIsSorted();
                const content = header.isPlaceholder ? null : flexRender(column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={meta?.align === "end" ? "num" : undefined}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {urlSort && column.getCanSort() ? (
                      <Link className="sort-link" href={sortHref(urlSort, column.id, sorted === "asc")} scroll={false}>
                        {content}
                        <span className="sort-indicator" aria-hidden="true">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                        <span className="sr-only">
                          {sorted === "asc" ? ", sorted ascending; sort descending" : ", sort ascending"}
                        </span>
                      </Link>
                    ) : meta?.label && !header.isPlaceholder ? (
                      <span aria-label={meta.label}>{content}</span>
                    ) : (
                      content
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody id={bodyId} tabIndex={bodyId ? -1 : undefined}>
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} className={getRowClassName?.(row.original)}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.align === "end" ? "num" : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
