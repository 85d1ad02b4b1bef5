import { formatDate } from "@/app/_components/format";
import type { OrderLine, Tracking } from "@/lib/orders/dto-types";

/** Carton, weight (in the line's unit) and count of one package. */
function PackageFacts({ t, unit }: { t: Tracking; unit: string | null }) {
  const facts = [
    t.cartonNumber ? `carton ${t.cartonNumber}` : null,
    t.packageWeight ? `${t.packageWeight} ${(unit ?? "").toLowerCase()}`.trim() : null,
    t.quantityInBox ? `${t.quantityInBox} in box` : null,
  ].filter(Boolean);
  return facts.length ? <div className="subtle">{facts.join(" · ")}</div> : null;
}

/** Every shipment of every line; tracking links open Ingram's carrier page without handing it our window. */
export function OrderShipments({ lines }: { lines: OrderLine[] }) {
  const rows = lines.flatMap((line) => line.shipments.map((s, i) => ({ line, s, key: `${line.lineNumber}-${i}` })));
  if (rows.length === 0) return <p className="muted card-body">Nothing has shipped yet.</p>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data">
        <caption className="sr-only">Shipments</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col">Shipped</th>
            <th scope="col">Est. delivery</th>
            <th scope="col">From</th>
            <th scope="col">Carrier and tracking</th>
            <th scope="col">Serial numbers</th>
            <th scope="col">Invoice</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ line, s, key }) => (
            <tr key={key}>
              <td className="mono">
                {line.lineNumber ?? "—"}
                <div className="subtle">{line.ingramPartNumber}</div>
              </td>
              <td className="num">{s.quantity ?? "—"}</td>
              <td className="nowrap">
                {formatDate(s.shippedDate ?? s.estimatedShipDate)}
                {!s.shippedDate && s.estimatedShipDate ? <div className="subtle">estimated</div> : null}
              </td>
              <td className="nowrap">
                {formatDate(s.deliveredDate ?? s.estimatedDeliveryDate)}
                {s.deliveredDate ? <div className="subtle">delivered</div> : null}
              </td>
              <td>{s.warehouse ?? "—"}</td>
              <td>
                {s.tracking.length === 0 ? (
                  "—"
                ) : (
                  <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
                    {s.tracking.map((t, i) => (
                      <li key={i}>
                        {t.carrierName ? <span>{t.carrierName} </span> : null}
                        {t.trackingNumber && t.trackingUrl ? (
                          <a className="mono" href={t.trackingUrl} target="_blank" rel="noopener noreferrer">
                            {t.trackingNumber}
                            <span className="sr-only"> (opens carrier site in a new tab)</span>
                          </a>
                        ) : (
                          <span className="mono">{t.trackingNumber ?? ""}</span>
                        )}
                        <PackageFacts t={t} unit={line.weightUnit} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="mono">{s.tracking.flatMap((t) => t.serialNumbers).join(", ") || "—"}</td>
              <td>
                {s.invoiceNumber ? (
                  <>
                    {s.invoiceNumber}
                    <div className="subtle">{formatDate(s.invoiceDate)}</div>
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
