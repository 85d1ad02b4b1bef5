import "server-only";
import { recordIntent, recordOutcome } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/audit/types";
import { type Actor, type Permission, requirePermission } from "@/lib/authz";
import { isPartial } from "@/lib/ingram/client";
import type { IngramResponse } from "@/lib/ingram/transport";
import type { OrderModifyResponse } from "@/lib/ingram/schemas/order-modify";
import { log } from "@/lib/log";
import type { ModifyOrderInput } from "@/lib/validation/orders";
import { toModifyResult, type ModifyOrderResult, type OrderActionResult } from "../dto";
import { toModifyRequest } from "../requests";
import { callContext, checkOrderNumber, fetchIngramOrder, ingram, upstream } from "../upstream";
import { auditActor, maybeCommitted, recordFailure, unknownOutcomeError, type CommandOptions } from "./shared";

type Reply = IngramResponse<OrderModifyResponse | null>;

interface Change {
  permission: Permission;
  action: AuditAction;
  what: string;
  request: unknown;
  send(orderNumber: string, correlationId: string): Promise<Reply>;
}

/** The order as Ingram has it after the change, for the audit diff; the reply stands in if the read fails. */
async function readAfter(orderNumber: string, correlationId: string, fallback: unknown): Promise<unknown> {
  try {
    return await fetchIngramOrder(orderNumber, correlationId);
  } catch (err) {
    log("warn", "order re-read after change failed", { correlationId, orderNumber, err });
    return fallback;
  }
}

/**
 * The shared shape of modify, release and cancel: permission, allowlisted id, re-read the order (before),
 * intent (no intent → no call), one un-retried call, outcome.
 */
async function change(actor: Actor | null, orderNumber: string, opts: CommandOptions, c: Change) {
  requirePermission(actor, c.permission);
  const n = checkOrderNumber(orderNumber);
  const before = await fetchIngramOrder(n, opts.correlationId);
  const intent = await recordIntent({
    actor: auditActor(actor),
    action: c.action,
    orderNumber: n,
    correlationId: opts.correlationId,
    request: c.request,
    before,
  });
  let res: Reply;
  try {
    res = await upstream(() => c.send(n, opts.correlationId));
  } catch (err) {
    const outcome = await recordFailure(intent, err);
    throw outcome === "unknown" ? unknownOutcomeError(`${c.what} of order ${n}`, err) : err;
  }
  const partial = isPartial(res);
  await recordOutcome(intent, {
    outcome: partial ? "partially_succeeded" : "succeeded",
    after: await readAfter(n, opts.correlationId, res.data),
    ingramStatus: res.status,
  });
  return { orderNumber: n, res, partial };
}

export async function modifyOrder(actor: Actor | null, orderNumber: string, input: ModifyOrderInput, opts: CommandOptions): Promise<ModifyOrderResult> {
  const body = toModifyRequest(input);
  const { orderNumber: n, res } = await change(actor, orderNumber, opts, {
    permission: "orders.modify",
    action: "order.modify",
    what: "change",
    request: { input, ingramRequest: body },
    send: (num, cid) => ingram().modifyOrder(num, body, callContext(cid)),
  });
  return toModifyResult(res.data, n);
}

export async function releaseOrder(actor: Actor | null, orderNumber: string, opts: CommandOptions): Promise<OrderActionResult> {
  const { orderNumber: n } = await change(actor, orderNumber, opts, {
    permission: "orders.release",
    action: "order.release",
    what: "release",
    request: { actionCode: "release" },
    send: (num, cid) => ingram().releaseOrder(num, callContext(cid)),
  });
  return { outcome: "succeeded", orderNumber: n, message: `Order ${n} released to the warehouse.` };
}

export async function cancelOrder(actor: Actor | null, orderNumber: string, opts: CommandOptions): Promise<OrderActionResult> {
  const { orderNumber: n } = await change(actor, orderNumber, opts, {
    permission: "orders.cancel",
    action: "order.cancel",
    what: "cancellation",
    request: { cancel: true },
    send: (num, cid) => ingram().cancelOrder(num, callContext(cid)),
  });
  return { outcome: "succeeded", orderNumber: n, message: `Order ${n} cancelled.` };
}

