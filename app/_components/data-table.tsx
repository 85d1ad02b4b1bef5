"use client";

// The portal's one table. It used @tanstack/react-table, but every table here only renders the rows it is
// given (sorting, where offered, is the URL's and happens on the server), which that library's 11 KB gzipped
// on each list page bought nothing for: a page's first-load JavaScript is capped at 150 KB (npm run bench).
// The column helper keeps the same shape (accessor / display / columns, cell context with getValue() and
// row.original) so the column definitions read as before.

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";

export interface DataColumnMeta {
  /** Right-aligns numbers and money. */
  align?: "end";
  /** Header text for assistive tech when the visible header is short or empty. */
  label?: string;
}

export interface CellContext<T, V> {
  getValue(): V;
  row: { original: T; index: number };
}

interface ColumnOptions<T, V> {
  header?: ReactNode | (() => ReactNode);
  cell?: (ctx: CellContext<T, V>) => ReactNode;
  meta?: DataColumnMeta;
  /** Sortable through urlSort unless false. */
  enableSorting?: boolean;
}

export interface DataColumn<T> extends ColumnOptions<T, unknown> {
  id: string;
  value: (row: T) => unknown;
}

type Accessor<T> = {
  <K extends keyof T & string>(key: K, opts: ColumnOptions<T, T[K]> & { id?: string }): DataColumn<T>;
  <V>(fn: (row: T) => V, opts: ColumnOptions<T, V> & { id: string }): DataColumn<T>;
};

export function columnHelper<T>() {
  const accessor = ((key: string | ((row: T) => unknown), opts: ColumnOptions<T, unknown> & { id?: string }) => {
    const value = typeof key === "function" ? key : (row: T) => (row as Record<string, unknown>)[key];
    const id = opts.id ?? (typeof key === "string" ? key : "");
    if (!id) throw new Error("a column read by a function needs an id");
    return { ...opts, id, value } as DataColumn<T>;
  }) as Accessor<T>;
  return {
    accessor,
    display: (opts: ColumnOptions<T, undefined> & { id: string }): DataColumn<T> =>
      ({ ...opts, enableSorting: false, value: () => undefined }) as DataColumn<T>,
    columns: (columns: DataColumn<T>[]) => columns,
  };
}

export interface UrlSort {
  /** Query parameter names that hold the sort column and direction. */
  param?: string;
  dirParam?: string;
}

export interface DataTableProps<T> {
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
}

/** Nulls last, numbers by value, text by locale with numeric parts compared as numbers ("A2" before "A10"). */
function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: "base" });
}

export function DataTable<T>({
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
  const sortColumn = sortId ? columns.find((c) => c.id === sortId && c.enableSorting !== false) : undefined;
  const desc = search.get(dirParam) === "desc";

  let rows = data.map((original, index) => ({ original, index }));
  if (sortColumn && !manualSorting) {
    const sign = desc ? -1 : 1;
    rows = [...rows].sort((x, y) => {
      const c = compare(sortColumn.value(x.original), sortColumn.value(y.original));
      // Nulls stay last whichever the direction.
      const nulls = sortColumn.value(x.original) == null || sortColumn.value(y.original) == null;
      return nulls ? c : c * sign;
    });
  }

  const sortHref = (id: string, wantDesc: boolean) => {
    const next = new URLSearchParams(search.toString());
    next.set(sortParam, id);
    next.set(dirParam, wantDesc ? "desc" : "asc");
    return `${pathname}?${next.toString()}`;
  };

  return (
    <div className="table-wrap">
      <table className="data">
        <caption className={captionHidden ? "sr-only" : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sortColumn === column ? (desc ? "desc" : "asc") : false;
              const canSort = !!urlSort && column.enableSorting !== false;
              const content = typeof column.header === "function" ? column.header() : (column.header ?? column.id);
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={column.meta?.align === "end" ? "num" : undefined}
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
                  ) : column.meta?.label ? (
                    <span aria-label={column.meta.label}>{content}</span>
                  ) : (
                    content
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={getRowId?.(row.original, row.index) ?? row.index} className={getRowClassName?.(row.original)}>
                {columns.map((column) => {
                  const value = column.value(row.original);
                  const ctx = { getValue: () => value, row };
                  return (
                    <td key={column.id} className={column.meta?.align === "end" ? "num" : undefined}>
                      {column.cell ? column.cell(ctx) : (value as ReactNode)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
