import "server-only";
import { type Actor, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { orderRequestIdSchema } from "@/lib/validation/orders";
import type { OrderRequestStatus, OrderRequestView } from "./dto";

interface OrderRequestRow {
  id: string;
  confirmationNumber: string | null;
  customerOrderNumber: string;
  status: string;
  orderNumbers: string[];
  createdByEmail: string;
  createdAt: Date;
  updatedAt: Date;
  result: unknown;
}

const MESSAGES: Record<OrderRequestStatus, string> = {
  submitted: "Sending the order request to Ingram Micro.",
  pending: "Ingram has queued the order; this page updates when Ingram confirms it.",
  created: "Ingram Micro created the order.",
  failed: "Ingram Micro did not accept the order request.",
  unknown: "Ingram Micro did not confirm the request in time; it may still create the order.",
};

function statusOf(s: string): OrderRequestStatus {
  return s in MESSAGES ? (s as OrderRequestStatus) : "unknown";
}

export function toOrderRequestView(r: OrderRequestRow): OrderRequestView {
  const status = statusOf(r.status);
  return {
    id: r.id,
    confirmationNumber: r.confirmationNumber,
    customerOrderNumber: r.customerOrderNumber,
    status,
    orderNumbers: r.orderNumbers,
    createdByEmail: r.createdByEmail,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    // Always our words: Ingram's ack ("you will be notified via webhook") addresses the integrator, not staff.
    message: MESSAGES[status],
  };
}

export async function getOrderRequest(actor: Actor | null, id: string): Promise<OrderRequestView> {
  requirePermission(actor, "orders.read");
  const parsed = orderRequestIdSchema.safeParse(id);
  if (!parsed.success) throw new AppError("bad_request", "Order request id is not valid.", { fields: { id: "Order request id is not valid." } });
  const row = await db.orderRequest.findUnique({ where: { id: parsed.data } });
  if (!row) throw new AppError("not_found", "No such order request.");
  return toOrderRequestView(row);
}

export async function listOrderRequests(
  actor: Actor | null,
  q: { scope: "mine" | "all"; status?: OrderRequestStatus },
): Promise<OrderRequestView[]> {
  requirePermission(actor, "orders.read");
  const rows = await db.orderRequest.findMany({
    where: { ...(q.scope === "mine" ? { createdById: actor.id } : {}), ...(q.status ? { status: q.status } : {}) },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map(toOrderRequestView);
}
