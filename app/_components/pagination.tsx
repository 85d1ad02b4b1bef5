import Link from "next/link";
import { hrefWith, type ParamRecord } from "./url";

export interface PaginationProps {
  pathname: string;
  /** The current query, preserved on every link. */
  params: ParamRecord;
  pageNumber: number;
  pageSize: number;
  total: number;
  pageParam?: string;
  sizeParam?: string;
  pageSizes?: readonly number[];
  label?: string;
}

function pageWindow(current: number, last: number): (number | "gap")[] {
  const pages = new Set([1, last, current - 1, current, current + 1].filter((p) => p >= 1 && p <= last));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev > 1) out.push("gap");
    out.push(p);
  });
  return out;
}

/** URL-driven pagination: plain links plus a GET form for the page size, so it works without JavaScript. */
export function Pagination({
  pathname,
  params,
  pageNumber,
  pageSize,
  total,
  pageParam = "pageNumber",
  sizeParam = "pageSize",
  pageSizes = [25, 50, 100],
  label = "Pagination",
}: PaginationProps) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (pageNumber - 1) * pageSize + 1;
  const end = Math.min(total, pageNumber * pageSize);
  const link = (p: number) => hrefWith(pathname, params, { [pageParam]: p === 1 ? undefined : p });
  const hidden = Object.entries(params).filter(([k]) => k !== pageParam && k !== sizeParam);

  return (
    <div className="pagination">
      <span className="muted" aria-live="polite">
        {total === 0
          ? "No results"
          : `${first.toLocaleString("en-US")}–${end.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}`}
      </span>
      <nav aria-label={label}>
        <ul>
          <li>
            {pageNumber > 1 ? (
              <Link href={link(pageNumber - 1)} rel="prev">
                Previous
              </Link>
            ) : (
              <span className="gap" aria-disabled="true">
                Previous
              </span>
            )}
          </li>
          {pageWindow(pageNumber, last).map((p, i) => (
            <li key={p === "gap" ? `gap-${i}` : p}>
              {p === "gap" ? (
                <span className="gap" aria-hidden="true">
                  …
                </span>
              ) : p === pageNumber ? (
                <span className="current" aria-current="page">
                  {p}
                  <span className="sr-only"> (current page)</span>
                </span>
              ) : (
                <Link href={link(p)} aria-label={`Page ${p}`}>
                  {p}
                </Link>
              )}
            </li>
          ))}
          <li>
            {pageNumber < last ? (
              <Link href={link(pageNumber + 1)} rel="next">
                Next
              </Link>
            ) : (
              <span className="gap" aria-disabled="true">
                Next
              </span>
            )}
          </li>
        </ul>
      </nav>
      <form method="get" action={pathname} className="page-size">
        {hidden.flatMap(([k, v]) =>
          (Array.isArray(v) ? v : [v])
            .filter((x) => x !== undefined && x !== null && x !== "" && x !== false)
            .map((x, i) => <input key={`${k}-${i}`} type="hidden" name={k} value={String(x)} />),
        )}
        <label htmlFor={`${sizeParam}-select`}>Rows per page</label>
        <select id={`${sizeParam}-select`} name={sizeParam} defaultValue={String(pageSize)}>
          {pageSizes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-sm">
          Apply
        </button>
      </form>
    </div>
  );
}
