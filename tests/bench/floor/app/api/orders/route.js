import { ingramGet, searchPath } from "../../../lib/upstream";

export async function GET(req) {
  const res = await ingramGet(searchPath(new URL(req.url).search));
  return new Response(res.body, { status: res.status, headers: { "content-type": "application/json" } });
}
