"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import {
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";

export interface DataColumnMeta {
  /** Right-aligns numbers and money. */
  align?: "end";
  /** Header text for assistive tech when the visible header is short or empty. */
  label?: string;
}

/** One feature set for every portal table: client sorting of the rows on screen, nothing else. */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, datetime: sortFn_datetime, text: sortFn_text },
  columnMeta: metaHelper<DataColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataColumn<T extends RowData> = ColumnDef<DataTableFeatures, T, any>;

export function columnHelper<T extends RowData>() {
  return createColumnHelper<DataTableFeatures, T>();
}

export interface UrlSort {
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
  /** When set, sortable headers become links that write sort/dir to the URL; the table sorts the rows it has. */
  urlSort?: UrlSort;
  /** The rows already arrive in the URL's order (sorted on the server); the table only shows the indicators. */
  manualSorting?: boolean;
  empty?: ReactNode;
}

const noop = () => undefined;

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
}: DataTableProps<T>) {
  const pathname = usePathname();
  const search = useSearchParams();
  const sortParam = urlSort?.param ?? "sort";
  const dirParam = urlSort?.dirParam ?? "dir";
  const sortId = urlSort ? search.get(sortParam) : null;
  const sorting: SortingState =
    sortId && columns.some((c) => c.id === sortId || ("accessorKey" in c && c.accessorKey === sortId))
      ? [{ id: sortId, desc: search.get(dirParam) === "desc" }]
      : [];

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId,
    enableSorting: !!urlSort,
    manualSorting,
    state: { sorting },
    onSortingChange: noop,
  });

  const sortHref = (id: string, desc: boolean) => {
    const next = new URLSearchParams(search.toString());
    next.set(sortParam, id);
    next.set(dirParam, desc ? "desc" : "asc");
    return `${pathname}?${next.toString()}`;
  };

  return (
    <div className="table-wrap">
      <table className="data">
        <caption className={captionHidden ? "sr-only" : undefined}>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                const meta = column.columnDef.meta;
                const sorted = column.getIsSorted();
                const canSort = !!urlSort && column.getCanSort();
                const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={meta?.align === "end" ? "num" : undefined}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {canSort ? (
                      <Link className="sort-link" href={sortHref(column.id, sorted === "asc")} scroll={false}>
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
        <tbody>
          {table.getRowModel().rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={getRowClassName?.(row.original)}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.align === "end" ? "num" : undefined}>
                    <table.FlexRender cell={cell} />
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
