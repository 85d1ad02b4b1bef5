import "server-only";
import { recordIntent, recordOutcome } from "@/lib/audit/record";
import type { AuditIntent } from "@/lib/audit/types";
import { type Actor, requirePermission } from "@/lib/authz";
import { ingram, isPartial } from "@/lib/ingram/client";
import { log } from "@/lib/log";
import type { CreateOrderInput } from "@/lib/validation/orders";
import { auditActor, readOrderAfterChange, recordFailure } from "./audited-change";
import { toCreateResult, toSearchPage } from "./dto";
import type { CreateOrderResult, OrderSummary } from "./dto-types";
import { parseIdempotencyKey, type StoredReply, withIdempotency } from "./idempotency";
import { callContext, clientCall, maybeCommitted, unknownOutcomeError } from "./ingram-calls";
import { toCreateRequest } from "./request-bodies";

/**
 * POST /api/orders → POST /resellers/v6/orders, never retried. Answers 201, or 207 when Ingram rejected some
 * lines (recorded as partially_succeeded). One upstream create per (user, Idempotency-Key): a repeat replays
 * the stored reply. A create whose reply was lost is resolved by searching for its customer PO, not re-sent.
 */
export async function createOrder(
  actor: Actor | null,
  input: CreateOrderInput,
  opts: { correlationId: string; idempotencyKey: string | null | undefined },
): Promise<StoredReply> {
  requirePermission(actor, "orders.create");
  const key = parseIdempotencyKey(opts.idempotencyKey);
  const { correlationId } = opts;
  return withIdempotency({ actor, key, operation: "order.create", body: input, correlationId }, async () => {
    const body = toCreateRequest(input);
    const intent = await recordIntent({
      actor: auditActor(actor),
      action: "order.create",
      correlationId,
      request: { input, idempotencyKey: key, ingramRequest: body },
    });
    let res;
    try {
      res = await clientCall(() =>
        ingram().createOrder(body, callContext(correlationId, { priority: "change", userId: actor.id })),
      );
    } catch (err) {
      if (!maybeCommitted(err)) {
        await recordFailure(intent, err);
        throw err;
      }
      return {
        status: 201,
        body: { result: await settleUnknownCreate(intent, input.customerOrderNumber, correlationId, err) },
      };
    }
    const result = toCreateResult(res.data, input.customerOrderNumber);
    result.outcome = isPartial(res) || result.outcome === "partially_succeeded" ? "partially_succeeded" : "succeeded";
    await recordOutcome(intent, {
      outcome: result.outcome,
      after: res.data,
      ingramStatus: res.status,
      orderNumber: result.orders[0]?.orderNumber ?? null,
    });
    // Each new order goes into the order index now, so lists show it before the next sync.
    for (const o of result.orders) {
      await readOrderAfterChange(o.orderNumber, correlationId, null, { priority: "change", userId: actor.id });
    }
    return { status: result.outcome === "partially_succeeded" ? 207 : 201, body: { result } };
  });
}

/** The orders Ingram holds under this customer PO: how a create whose reply was lost is told apart. */
export async function resolveUnknownCreate(
  customerOrderNumber: string,
  correlationId?: string,
): Promise<OrderSummary[]> {
  const res = await clientCall(() =>
    ingram().searchOrders(
      { customerOrderNumber, pageSize: 100, pageNumber: 1 },
      callContext(correlationId, { priority: "change" }),
    ),
  );
  return toSearchPage(res.data).orders.filter((o) => o.customerOrderNumber === customerOrderNumber);
}

/** Found under the PO: the create happened. Not found: the outcome stays unknown and the caller gets a 504. */
async function settleUnknownCreate(
  intent: AuditIntent,
  customerOrderNumber: string,
  correlationId: string,
  cause: unknown,
): Promise<CreateOrderResult> {
  let found: OrderSummary[] | null = null;
  try {
    found = await resolveUnknownCreate(customerOrderNumber, correlationId);
  } catch (err) {
    log("warn", "unknown create outcome could not be resolved", { correlationId, err });
  }
  const first = found?.[0];
  if (found && first) {
    await recordOutcome(intent, {
      outcome: "succeeded",
      after: { resolvedBy: "search", customerOrderNumber, orders: found },
      orderNumber: first.orderNumber,
    });
    return {
      outcome: "succeeded",
      customerOrderNumber,
      orders: found.map((o) => ({
        orderNumber: o.orderNumber,
        orderDate: o.orderDate,
        total: o.total,
        currency: null,
      })),
      lines: [],
      message: "Ingram Micro answered late, but the order was placed; open it to see its lines.",
    };
  }
  await recordOutcome(intent, {
    outcome: "unknown",
    after: { resolvedBy: "search", customerOrderNumber, orders: found ?? null },
    ingramErrors: [{ message: "no reply from Ingram Micro; not re-sent" }],
  });
  throw unknownOutcomeError(`order ${customerOrderNumber}`, cause);
}
