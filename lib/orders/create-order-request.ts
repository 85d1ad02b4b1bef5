import "server-only";
import { releaseLease } from "@/lib/audit/heartbeat";
import { recordIntent } from "@/lib/audit/record";
import { type Actor, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { AppError } from "@/lib/errors";
import { ingram } from "@/lib/ingram/client";
import { type CreateOrderInput, orderRequestIdSchema } from "@/lib/validation/orders";
import { auditActor, recordFailure } from "./audited-change";
import type { OrderRequestStatus, OrderRequestView } from "./dto-types";
import { parseIdempotencyKey, type StoredReply, withIdempotency } from "./idempotency";
import { upstreamText } from "@/lib/redact";
import { callContext, clientCall, ingramErrorsOf, maybeCommitted, unknownOutcomeError } from "./ingram-calls";
import { resolveStaleOrderRequests } from "./order-request-outcome";
import { toCreateV7Request } from "./request-bodies";

/**
 * POST /api/order-requests → POST /resellers/v7/orders, never retried; answers 202 with the request's state
 * and `location`, where to poll it. The OrderRequest row exists before Ingram is called (status "submitted"),
 * so a result webhook that arrives early still finds it; the acknowledgement moves it to "pending" with the
 * confirmation number, and the result webhook (receive-ingram-webhook.ts) to "created" or "failed"; with no
 * result in ORDER_REQUEST_PENDING_SECONDS a search by its PO settles it (order-request-outcome.ts). The audit
 * intent written here gets its one outcome then, not at the acknowledgement.
 */
export async function createOrderRequest(
  actor: Actor | null,
  input: CreateOrderInput,
  opts: { correlationId: string; idempotencyKey: string | null | undefined },
): Promise<StoredReply & { location: string | null }> {
  requirePermission(actor, "orders.create");
  const key = parseIdempotencyKey(opts.idempotencyKey);
  const { correlationId } = opts;
  const reply = await withIdempotency(
    { actor, key, operation: "order.create_async", body: input, correlationId },
    async () => {
      const body = toCreateV7Request(input);
      const intent = await recordIntent({
        actor: auditActor(actor),
        action: "order.create_async",
        correlationId,
        request: { input, idempotencyKey: key, ingramRequest: body },
      });
      const row = await db.orderRequest
        .create({
          data: {
            customerOrderNumber: input.customerOrderNumber,
            status: "submitted",
            orderNumbers: [],
            createdById: actor.id,
            createdByEmail: actor.email,
            request: JSON.parse(JSON.stringify(body)),
            intentId: intent.id,
          },
        })
        .catch(async (err: unknown) => {
          await recordFailure(intent, err);
          throw err;
        });
      let res;
      try {
        res = await clientCall(() =>
          ingram().createOrderV7(body, callContext(correlationId, { priority: "change", userId: actor.id })),
        );
      } catch (err) {
        const unknown = maybeCommitted(err);
        await recordFailure(intent, err);
        const reasons = (ingramErrorsOf(err) ?? []).map((e) => upstreamText(e.message)).filter(Boolean);
        await db.orderRequest
          .updateMany({
            where: { id: row.id, status: "submitted" },
            data: { status: unknown ? "unknown" : "failed", result: { resolvedBy: "ack", reasons } },
          })
          .catch(() => undefined);
        throw unknown ? unknownOutcomeError(`order request ${input.customerOrderNumber}`, err) : err;
      }
      const confirmationNumber = res.data.confirmationNumber ?? null;
      await db.orderRequest.updateMany({
        where: { id: row.id, status: "submitted" },
        data: { status: "pending", confirmationNumber, result: { ack: JSON.parse(JSON.stringify(res.data)) } },
      });
      if (confirmationNumber) {
        await db.orderRequest.updateMany({
          where: { id: row.id, confirmationNumber: null },
          data: { confirmationNumber },
        });
      }
      // The intent stays open until Ingram's result settles the request (order-request-outcome.ts); the row,
      // not this call, now keeps reconcilers away from it (findOrphanedIntents).
      releaseLease(intent.instanceId ?? undefined);
      const request = toOrderRequestView(await db.orderRequest.findUniqueOrThrow({ where: { id: row.id } }));
      return { status: 202, body: { request } };
    },
  );
  const id = (reply.body as { request?: { id?: string } } | null)?.request?.id;
  return { ...reply, location: id ? `/api/order-requests/${id}` : null };
}

/** GET /api/order-requests/[id]: the request's state as the portal knows it. */
export async function getOrderRequest(actor: Actor | null, id: string): Promise<OrderRequestView> {
  requirePermission(actor, "orders.read");
  const parsed = orderRequestIdSchema.safeParse(id);
  if (!parsed.success)
    throw new AppError("bad_request", "Order request id is not valid.", {
      fields: { id: "Order request id is not valid." },
    });
  let row = await db.orderRequest.findUnique({ where: { id: parsed.data } });
  if (!row) throw new AppError("not_found", "No such order request.");
  if (isOverdue(row)) {
    // Read past its timeout: settled now rather than at the sync leader's next pass (the claim and the
    // conditional update keep concurrent readers and the leader to one search and one outcome).
    await resolveStaleOrderRequests({ ids: [row.id], priority: "interactive" }).catch(() => 0);
    row = (await db.orderRequest.findUnique({ where: { id: row.id } })) ?? row;
  }
  return toOrderRequestView(row);
}

/** GET /api/order-requests: the newest 100, the actor's own or everyone's. */
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

function isOverdue(r: { status: string; createdAt: Date }): boolean {
  return (
    (r.status === "submitted" || r.status === "pending") &&
    Date.now() - r.createdAt.getTime() >= env.orderRequestPendingSeconds * 1000
  );
}

interface OrderRequestRow {
  id: string;
  confirmationNumber: string | null;
  customerOrderNumber: string;
  status: string;
  orderNumbers: string[];
  createdByEmail: string;
  result: unknown;
  createdAt: Date;
  updatedAt: Date;
}

const MESSAGES: Record<OrderRequestStatus, string> = {
  submitted: "Sending the order request to Ingram Micro.",
  pending: "Ingram has queued the order; this page updates when Ingram confirms it.",
  created: "Ingram Micro created the order.",
  failed: "Ingram Micro did not create the order.",
  unknown: "Ingram Micro did not confirm the request in time; it may still create the order.",
};

function toOrderRequestView(r: OrderRequestRow): OrderRequestView {
  const status: OrderRequestStatus = r.status in MESSAGES ? (r.status as OrderRequestStatus) : "unknown";
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
    ...settlement(r.result),
  };
}

/** How the request was settled and Ingram's reasons (already redacted when stored). */
function settlement(result: unknown): Pick<OrderRequestView, "reasons" | "resolvedBy"> {
  const r = (result && typeof result === "object" ? result : {}) as { reasons?: unknown; resolvedBy?: unknown };
  const reasons = Array.isArray(r.reasons) ? r.reasons.filter((x): x is string => typeof x === "string") : [];
  const by = r.resolvedBy;
  return { reasons, resolvedBy: by === "webhook" || by === "search" || by === "ack" ? by : null };
}
