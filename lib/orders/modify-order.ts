import "server-only";
import { recordIntent, recordOutcome } from "@/lib/audit/record";
import { type Actor, requirePermission } from "@/lib/authz";
import { ingram, isPartial } from "@/lib/ingram/client";
import type { ModifyOrderInput } from "@/lib/validation/order-changes";
import { auditActor, type CommandOptions, readOrderAfterChange, recordFailure } from "./audited-change";
import { toModifyResult } from "./dto";
import type { ModifyOrderResult } from "./dto-types";
import { callContext, checkOrderNumber, clientCall, unknownOutcomeError } from "./ingram-calls";
import { readBeforeChange } from "./change-guard";
import { toModifyRequest } from "./request-bodies";

/**
 * PUT /api/orders/[orderNumber] → PUT /resellers/v6/orders/{orderNumber}, never retried. Ingram may accept
 * some line changes and reject others (207): the result lists both, and the audit records partially_succeeded.
 */
export async function modifyOrder(
  actor: Actor | null,
  orderNumber: string,
  input: ModifyOrderInput,
  opts: CommandOptions,
): Promise<ModifyOrderResult> {
  requirePermission(actor, "orders.modify");
  const n = checkOrderNumber(orderNumber);
  const body = toModifyRequest(input);
  const forWhom = { priority: "change", userId: actor.id } as const;
  const before = await readBeforeChange(actor, n, "modify", opts.correlationId, forWhom);
  const intent = await recordIntent({
    actor: auditActor(actor),
    action: "order.modify",
    orderNumber: n,
    correlationId: opts.correlationId,
    request: { input, ingramRequest: body },
    before,
  });
  let res;
  try {
    res = await clientCall(() => ingram().modifyOrder(n, body, callContext(opts.correlationId, forWhom)));
  } catch (err) {
    const outcome = await recordFailure(intent, err);
    throw outcome === "unknown" ? unknownOutcomeError(`change of order ${n}`, err) : err;
  }
  await recordOutcome(intent, {
    outcome: isPartial(res) ? "partially_succeeded" : "succeeded",
    after: await readOrderAfterChange(n, opts.correlationId, res.data, forWhom),
    ingramStatus: res.status,
  });
  return toModifyResult(res.data, n);
}
