import Link from "next/link";
import { StatusBadge } from "@/app/_components/status-badge";
import type { LineResult } from "@/lib/orders/dto-types";
import { describeRejection } from "@/lib/orders/rejection-words";

/** A rejected line's reason in plain words, with Ingram's own text and code kept for support. */
function Reason({ reason }: { reason: string | null }) {
  const r = describeRejection(reason);
  return (
    <>
      {r.words}
      {r.raw && r.raw !== r.words ? (
        <span className="subtle mono" style={{ display: "block" }}>
          Ingram: {r.raw}
        </span>
      ) : null}
    </>
  );
}

/** Per line: accepted (with the order it went to) or rejected with Ingram's reason, as after a 207. */
export function LineResults({ lines, caption }: { lines: LineResult[]; caption: string }) {
  if (lines.length === 0) return null;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Part</th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col">Result</th>
            <th scope="col">Order</th>
            <th scope="col">Status or reason</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr
              key={i}
              className={l.result === "rejected" ? "removed" : undefined}
              style={l.result === "rejected" ? { textDecoration: "none" } : undefined}
            >
              <td className="mono">{l.customerLineNumber ?? l.lineNumber ?? i + 1}</td>
              <td className="mono">{l.ingramPartNumber ?? "—"}</td>
              <td className="num">{l.quantity ?? "—"}</td>
              <td>
                <StatusBadge status={{ state: l.result, label: l.result === "accepted" ? "Accepted" : "Rejected" }} />
              </td>
              <td>
                {l.orderNumber ? (
                  <Link className="mono" href={`/orders/${encodeURIComponent(l.orderNumber)}`}>
                    {l.orderNumber}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td>{l.result === "rejected" ? <Reason reason={l.reason} /> : l.status ? l.status.label : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
