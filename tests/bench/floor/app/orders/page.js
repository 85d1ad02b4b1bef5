import { ingramGet, searchPath } from "../../lib/upstream";

export const dynamic = "force-dynamic";

export default async function OrdersPage() {
  const res = await ingramGet(searchPath("?pageSize=25"));
  if (!res.ok) throw new Error(`search: HTTP ${res.status}`);
  const page = await res.json();
  return (
    <main>
      <h1>Orders</h1>
      <table>
        <thead>
          <tr>
            <th>Order</th>
            <th>Date</th>
            <th>Customer PO</th>
            <th>Status</th>
            <th>Total</th>
          </tr>
        </thead>
        <tbody>
          {(page.orders ?? []).map((o) => (
            <tr key={o.ingramOrderNumber}>
              <td>
                <a href={`/orders/${o.ingramOrderNumber}`}>{o.ingramOrderNumber}</a>
              </td>
              <td>{o.ingramOrderDate}</td>
              <td>{o.customerOrderNumber}</td>
              <td>{o.orderStatus}</td>
              <td>{o.orderTotal}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
