import "server-only";
import { recordIntent, recordOutcome } from "@/lib/audit/record";
import { type Actor, requirePermission } from "@/lib/authz";
import { ingram, isPartial } from "@/lib/ingram/client";
import { auditActor, type CommandOptions, readOrderAfterChange, recordFailure } from "./audited-change";
import type { OrderActionResult } from "./dto-types";
import { callContext, checkOrderNumber, clientCall, unknownOutcomeError } from "./ingram-calls";
import { readBeforeChange } from "./change-guard";

/**
 * DELETE /api/orders/[orderNumber] → DELETE /resellers/v6/orders/{OrderNumber}, never retried. Ingram cancels
 * only orders on customer hold: anything else is refused here (change-guard.ts) before it is sent.
 */
export async function cancelOrder(
  actor: Actor | null,
  orderNumber: string,
  opts: CommandOptions,
): Promise<OrderActionResult> {
  requirePermission(actor, "orders.cancel");
  const n = checkOrderNumber(orderNumber);
  const forWhom = { priority: "change", userId: actor.id } as const;
  const before = await readBeforeChange(actor, n, "cancel", opts.correlationId, forWhom);
  const intent = await recordIntent({
    actor: auditActor(actor),
    action: "order.cancel",
    orderNumber: n,
    correlationId: opts.correlationId,
    request: { cancel: true },
    before,
  });
  let res;
  try {
    res = await clientCall(() => ingram().cancelOrder(n, callContext(opts.correlationId, forWhom)));
  } catch (err) {
    const outcome = await recordFailure(intent, err);
    throw outcome === "unknown" ? unknownOutcomeError(`cancellation of order ${n}`, err) : err;
  }
  await recordOutcome(intent, {
    outcome: isPartial(res) ? "partially_succeeded" : "succeeded",
    after: await readOrderAfterChange(n, opts.correlationId, res.data, forWhom),
    ingramStatus: res.status,
  });
  return { outcome: "succeeded", orderNumber: n, message: `Order ${n} cancelled.` };
}
