import "server-only";
import { recordIntent, recordOutcome } from "@/lib/audit/record";
import { type Actor, requirePermission } from "@/lib/authz";
import { ingram, isPartial } from "@/lib/ingram/client";
import { auditActor, type CommandOptions, readOrderAfterChange, recordFailure } from "./audited-change";
import type { OrderActionResult } from "./dto-types";
import { callContext, checkOrderNumber, clientCall, unknownOutcomeError } from "./ingram-calls";
import { readBeforeChange } from "./change-guard";

/**
 * POST /api/orders/[orderNumber]/release → PUT /resellers/v6/orders/{orderNumber}?actionCode=release, never
 * retried: releases an order held by the customer to the warehouse.
 */
export async function releaseOrder(
  actor: Actor | null,
  orderNumber: string,
  opts: CommandOptions,
): Promise<OrderActionResult> {
  requirePermission(actor, "orders.release");
  const n = checkOrderNumber(orderNumber);
  const forWhom = { priority: "change", userId: actor.id } as const;
  const before = await readBeforeChange(actor, n, "release", opts.correlationId, forWhom);
  const intent = await recordIntent({
    actor: auditActor(actor),
    action: "order.release",
    orderNumber: n,
    correlationId: opts.correlationId,
    request: { actionCode: "release" },
    before,
  });
  let res;
  try {
    res = await clientCall(() => ingram().releaseOrder(n, callContext(opts.correlationId, forWhom)));
  } catch (err) {
    const outcome = await recordFailure(intent, err);
    throw outcome === "unknown" ? unknownOutcomeError(`release of order ${n}`, err) : err;
  }
  await recordOutcome(intent, {
    outcome: isPartial(res) ? "partially_succeeded" : "succeeded",
    after: await readOrderAfterChange(n, opts.correlationId, res.data, forWhom),
    ingramStatus: res.status,
  });
  return { outcome: "succeeded", orderNumber: n, message: `Order ${n} released to the warehouse.` };
}
