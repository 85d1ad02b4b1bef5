import "server-only";
import { recordIntent, recordOutcome } from "@/lib/audit/record";
import { type Actor, requirePermission } from "@/lib/authz";
import { isPartial } from "@/lib/ingram/client";
import { log } from "@/lib/log";
import type { CreateOrderInput } from "@/lib/validation/orders";
import { toCreateResult, toSearchPage, type CreateOrderResult, type OrderSummary } from "../dto";
import { toCreateRequest } from "../requests";
import { callContext, ingram, upstream } from "../upstream";
import { auditActor, maybeCommitted, recordFailure, unknownOutcomeError, type CommandOptions } from "./shared";

/**
 * Looks for orders Ingram holds under this customer PO: how a create whose reply was lost is resolved,
 * instead of posting it again (which could place a duplicate order).
 */
export async function resolveUnknownCreate(customerOrderNumber: string, correlationId?: string): Promise<OrderSummary[]> {
  const res = await upstream(() =>
    ingram().searchOrders({ customerOrderNumber, pageSize: 100, pageNumber: 1 }, callContext(correlationId)),
  );
  return toSearchPage(res.data).orders.filter((o) => o.customerOrderNumber === customerOrderNumber);
}

/** POST /resellers/v6/orders, never retried. 201 and 207 both succeed; 207 records partially_succeeded. */
export async function createOrder(actor: Actor | null, input: CreateOrderInput, opts: CommandOptions): Promise<CreateOrderResult> {
  requirePermission(actor, "orders.create");
  const body = toCreateRequest(input);
  const intent = await recordIntent({
    actor: auditActor(actor),
    action: "order.create",
    correlationId: opts.correlationId,
    request: { input, idempotencyKey: opts.idempotencyKey ?? null, ingramRequest: body },
  });
  let res;
  try {
    res = await upstream(() => ingram().createOrder(body, callContext(opts.correlationId)));
  } catch (err) {
    if (!maybeCommitted(err)) {
      await recordFailure(intent, err);
      throw err;
    }
    return settleUnknownCreate(intent, input.customerOrderNumber, opts.correlationId, err);
  }
  const result = toCreateResult(res.data, input.customerOrderNumber);
  const partial = isPartial(res) || result.outcome === "partially_succeeded";
  result.outcome = partial ? "partially_succeeded" : "succeeded";
  await recordOutcome(intent, {
    outcome: result.outcome,
    after: res.data,
    ingramStatus: res.status,
    orderNumber: result.orders[0]?.orderNumber ?? null,
  });
  return result;
}

async function settleUnknownCreate(
  intent: Awaited<ReturnType<typeof recordIntent>>,
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
  if (found && found.length > 0) {
    await recordOutcome(intent, {
      outcome: "succeeded",
      after: { resolvedBy: "search", customerOrderNumber, orders: found },
      orderNumber: found[0].orderNumber,
    });
    return {
      outcome: "succeeded",
      customerOrderNumber,
      orders: found.map((o) => ({ orderNumber: o.orderNumber, orderDate: o.orderDate, total: o.total, currency: null })),
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
