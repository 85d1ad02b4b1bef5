import { formatDate, formatNumber } from "@/app/_components/format";
import type { EstimatedDate, OrderLine } from "@/lib/orders/dto-types";

function Estimate({ d }: { d: EstimatedDate }) {
  const when = d.date
    ? formatDate(d.date)
    : d.rangeStart || d.rangeEnd
      ? `${formatDate(d.rangeStart)} – ${formatDate(d.rangeEnd)}`
      : null;
  return (
    <div>
      {d.kind === "ship" ? "Ships" : "Arrives"} {when ?? ""}
      {d.type || d.source ? <span className="subtle"> ({[d.type, d.source].filter(Boolean).join(", ")})</span> : null}
      {d.description ? <div className="subtle">{d.description}</div> : null}
    </div>
  );
}

/** Per line: requested and estimated dates, Ingram's schedule lines, special bid, weight and carrier. */
export function OrderLineDates({ lines }: { lines: OrderLine[] }) {
  if (lines.length === 0) return <p className="muted card-body">This order has no lines.</p>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data">
        <caption className="sr-only">Dates, schedule and shipping facts per line</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Requested</th>
            <th scope="col">Estimates</th>
            <th scope="col">Schedule</th>
            <th scope="col">Special bid</th>
            <th scope="col">Weight</th>
            <th scope="col">Carrier</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={`${l.subOrderNumber ?? ""}-${l.lineNumber ?? i}`}>
              <td className="mono">
                {l.lineNumber ?? "—"}
                <div className="subtle">{l.ingramPartNumber}</div>
              </td>
              <td className="nowrap">{formatDate(l.requestedDeliveryDate)}</td>
              <td>{l.estimatedDates.length ? l.estimatedDates.map((d, j) => <Estimate key={j} d={d} />) : "—"}</td>
              <td>
                {l.scheduleLines.length
                  ? l.scheduleLines.map((s, j) => (
                      <div key={j} className="nowrap">
                        {formatDate(s.date)}: {formatNumber(s.confirmedQuantity)} of {formatNumber(s.requestedQuantity)}{" "}
                        confirmed
                        {s.goodsIssueDate ? (
                          <span className="subtle"> · leaves {formatDate(s.goodsIssueDate)}</span>
                        ) : null}
                      </div>
                    ))
                  : "—"}
              </td>
              <td className="mono">{l.specialBidNumber ?? "—"}</td>
              <td className="nowrap">
                {l.unitWeight === null
                  ? "—"
                  : `${formatNumber(l.unitWeight)} ${(l.weightUnit ?? "").toLowerCase()} each`}
              </td>
              <td>{l.carrierName ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
