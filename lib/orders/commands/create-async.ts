import "server-only";
import { recordIntent, recordOutcome } from "@/lib/audit/record";
import { type Actor, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import type { CreateOrderInput } from "@/lib/validation/orders";
import type { OrderRequestView } from "../dto";
import { toOrderRequestView } from "../order-requests";
import { toCreateV7Request } from "../requests";
import { callContext, ingram, upstream } from "../upstream";
import { auditActor, maybeCommitted, recordFailure, unknownOutcomeError, type CommandOptions } from "./shared";

/**
 * POST /resellers/v7/orders, never retried. The OrderRequest row exists before Ingram is called (status
 * "submitted"), so a result webhook that arrives early still finds it; the acknowledgement moves it to
 * "pending" with the confirmation number, and the webhook (app/api/webhooks/ingram) to "created".
 */
export async function createOrderAsync(actor: Actor | null, input: CreateOrderInput, opts: CommandOptions): Promise<OrderRequestView> {
  requirePermission(actor, "orders.create");
  const body = toCreateV7Request(input);
  const intent = await recordIntent({
    actor: auditActor(actor),
    action: "order.create_async",
    correlationId: opts.correlationId,
    request: { input, idempotencyKey: opts.idempotencyKey ?? null, ingramRequest: body },
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
      },
    })
    .catch(async (err: unknown) => {
      await recordFailure(intent, err);
      throw err;
    });
  let res;
  try {
    res = await upstream(() => ingram().createOrderV7(body, callContext(opts.correlationId)));
  } catch (err) {
    const unknown = maybeCommitted(err);
    await recordFailure(intent, err);
    await db.orderRequest
      .updateMany({ where: { id: row.id, status: "submitted" }, data: { status: unknown ? "unknown" : "failed" } })
      .catch(() => undefined);
    throw unknown ? unknownOutcomeError(`order request ${input.customerOrderNumber}`, err) : err;
  }
  const confirmationNumber = res.data.confirmationNumber ?? null;
  await db.orderRequest.updateMany({
    where: { id: row.id, status: "submitted" },
    data: { status: "pending", confirmationNumber, result: { ack: JSON.parse(JSON.stringify(res.data)) } },
  });
  if (confirmationNumber) {
    await db.orderRequest.updateMany({ where: { id: row.id, confirmationNumber: null }, data: { confirmationNumber } });
  }
  await recordOutcome(intent, {
    outcome: "succeeded",
    after: { orderRequestId: row.id, ...res.data },
    ingramStatus: res.status,
  });
  const fresh = await db.orderRequest.findUniqueOrThrow({ where: { id: row.id } });
  return toOrderRequestView(fresh);
}
