import { formatDate } from "@/app/_components/format";
import type { OrderLine } from "@/lib/orders/dto-types";

const period = (start: string | null, end: string | null) =>
  start || end ? `${formatDate(start)} – ${formatDate(end)}` : "—";

/** Lines that carry a subscription, service contract or licence (Ingram's serviceContractInfo). */
export function OrderSubscriptions({ lines }: { lines: OrderLine[] }) {
  const rows = lines.filter((l) => l.serviceContract);
  if (rows.length === 0) return null;
  return (
    <section className="card" aria-labelledby="subscriptions-h">
      <div className="card-head">
        <h2 id="subscriptions-h">Subscriptions, contracts and licences</h2>
      </div>
      <div className="table-wrap" tabIndex={0}>
        <table className="data">
          <caption className="sr-only">Subscriptions, contracts and licences</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Subscription</th>
              <th scope="col">Term and billing</th>
              <th scope="col">Contract</th>
              <th scope="col">Licence</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((l, i) => {
              const c = l.serviceContract!;
              return (
                <tr key={`${l.subOrderNumber ?? ""}-${l.lineNumber ?? i}`}>
                  <td className="mono">
                    {l.lineNumber ?? "—"}
                    <div className="subtle">{l.ingramPartNumber}</div>
                  </td>
                  <td>
                    <span className="mono">{c.subscriptionId ?? "—"}</span>
                    <div className="subtle">{period(c.subscriptionStart, c.subscriptionEnd)}</div>
                  </td>
                  <td>
                    {c.subscriptionTerm ?? "—"}
                    {c.renewalTerm ? <div className="subtle">renews {c.renewalTerm}</div> : null}
                    {c.billingModel ? <div className="subtle">billing {c.billingModel}</div> : null}
                  </td>
                  <td>
                    <span className="mono">{c.contractNumber ?? "—"}</span>
                    {c.contractStatus ? <span className="subtle"> · {c.contractStatus}</span> : null}
                    <div className="subtle">{period(c.contractStart, c.contractEnd)}</div>
                    {c.contractDescription ? <div className="subtle">{c.contractDescription}</div> : null}
                  </td>
                  <td>
                    <span className="mono">{c.licenseNumbers.join(", ") || "—"}</span>
                    {c.licenseQuantity ? <span className="subtle"> · qty {c.licenseQuantity}</span> : null}
                    <div className="subtle">{period(c.licenseStart, c.licenseEnd)}</div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
