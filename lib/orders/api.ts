import "server-only";
import type { Actor } from "@/lib/authz";
import { requirePermission } from "@/lib/authz";
import { csvResponse } from "@/lib/csv-response";
import type { CreateOrderInput, OrderSearchQuery } from "@/lib/validation/orders";
import { createOrder, createOrderAsync } from "./commands";
import { exportOrdersCsv } from "./export-csv";
import { readIdempotencyKey, withIdempotency, type StoredReply } from "./idempotency";

/* The HTTP side of the order endpoints that is more than one call: idempotent creates and the CSV stream. */

function replyOf(r: StoredReply, extra: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { ...extra };
  if (r.replayed) headers["Idempotent-Replayed"] = "true";
  return Response.json(r.body, { status: r.status, headers });
}

/** POST /api/orders: v6 create; 201 created, 207 when Ingram rejected some lines. */
export async function createOrderResponse(req: Request, actor: Actor | null, body: CreateOrderInput, correlationId: string) {
  requirePermission(actor, "orders.create");
  const key = readIdempotencyKey(req);
  const reply = await withIdempotency(actor, key, "order.create", body, async () => {
    const result = await createOrder(actor, body, { correlationId, idempotencyKey: key });
    return { status: result.outcome === "partially_succeeded" ? 207 : 201, body: { result } };
  }, {}, correlationId);
  return replyOf(reply);
}

/** POST /api/order-requests: v7 create; 202 with the request's state and where to poll it. */
export async function createOrderRequestResponse(req: Request, actor: Actor | null, body: CreateOrderInput, correlationId: string) {
  requirePermission(actor, "orders.create");
  const key = readIdempotencyKey(req);
  const reply = await withIdempotency(actor, key, "order.create_async", body, async () => {
    const request = await createOrderAsync(actor, body, { correlationId, idempotencyKey: key });
    return { status: 202, body: { request } };
  }, {}, correlationId);
  const id = (reply.body as { request?: { id?: string } } | null)?.request?.id;
  return replyOf(reply, id ? { Location: `/api/order-requests/${id}` } : {});
}

/** GET /api/orders/export: the first page is fetched before the headers go out, so errors keep their status. */
export async function exportCsvResponse(actor: Actor | null, query: OrderSearchQuery, correlationId: string) {
  const csv = await exportOrdersCsv(actor, query, { correlationId });
  return csvResponse(csv.lines, {
    filename: `orders-${new Date().toISOString().slice(0, 10)}.csv`,
    correlationId,
    headers: { "X-Total-Count": String(csv.progress.total) },
  });
}
