import { detailPath, ingramGet } from "../../../lib/upstream";

export const dynamic = "force-dynamic";

export default async function OrderPage({ params }) {
  const { orderNumber } = await params;
  const res = await ingramGet(detailPath(orderNumber));
  if (!res.ok) throw new Error(`order ${orderNumber}: HTTP ${res.status}`);
  const order = await res.json();
  return (
    <main>
      <h1>Order {order.ingramOrderNumber}</h1>
      <table>
        <thead>
          <tr>
            <th>Line</th>
            <th>Part</th>
            <th>Description</th>
            <th>Qty</th>
            <th>Unit price</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {(order.lines ?? []).map((line, i) => (
            <tr key={i}>
              <td>{line.ingramOrderLineNumber}</td>
              <td>{line.ingramPartNumber}</td>
              <td>{line.partDescription}</td>
              <td>{line.quantityOrdered}</td>
              <td>{line.unitPrice}</td>
              <td>{line.lineStatus}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
