import { detailPath, ingramGet } from "../../../../lib/upstream";

export async function GET(_req, { params }) {
  const { orderNumber } = await params;
  const res = await ingramGet(detailPath(orderNumber));
  return new Response(res.body, { status: res.status, headers: { "content-type": "application/json" } });
}
