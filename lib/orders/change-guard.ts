import "server-only";
import { recordRefusalOnce } from "@/lib/auth/refusal-audit";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OrderDetail as IngramOrderDetail } from "@/lib/ingram/schemas/order-detail";
import { log } from "@/lib/log";
import { indexAccount, indexedDetail, writeThrough } from "@/lib/order-index/index-detail";
import { auditActor } from "./audited-change";
import { toOrderDetail } from "./dto";
import { type ChangeRules, isFinalRefusal, orderChangeRules } from "./hold-rules";
import { type CallFor, fetchIngramOrder } from "./ingram-calls";

export type OrderChange = "modify" | "release" | "cancel";

const ALLOWED: Record<OrderChange, keyof Pick<ChangeRules, "canModify" | "canRelease" | "canCancel">> = {
  modify: "canModify",
  release: "canRelease",
  cancel: "canCancel",
};

/**
 * The order as Ingram has it now, read before a change, once the hold rule (hold-rules.ts) allows the change.
 * A refusal is 409 not_on_customer_hold and sends no change to Ingram. When the order index already holds a
 * detail that refuses for good (an Ingram hold never becomes a customer hold, a released, shipped or
 * cancelled order never returns to one), Ingram is not called at all; otherwise the live read decides.
 */
export async function readBeforeChange(
  actor: Actor,
  orderNumber: string,
  change: OrderChange,
  correlationId: string,
  forWhom: CallFor,
): Promise<IngramOrderDetail> {
  const known = await indexedDetail(db, indexAccount(), orderNumber).catch((err: unknown) => {
    log("warn", "order index read failed before a change", { correlationId, orderNumber, err });
    return null;
  });
  if (known) {
    const rules = orderChangeRules(toOrderDetail(known.raw, orderNumber));
    if (isFinalRefusal(rules)) await refuse(actor, orderNumber, change, rules, "index", correlationId);
  }
  const before = await fetchIngramOrder(orderNumber, correlationId, forWhom);
  const rules = orderChangeRules(toOrderDetail(before, orderNumber));
  if (!rules[ALLOWED[change]]) {
    // Kept in the index, so that the next try of a change that can never work costs no Ingram call.
    await writeThrough(before, "details", correlationId);
    await refuse(actor, orderNumber, change, rules, "ingram", correlationId);
  }
  return before;
}

async function refuse(
  actor: Actor,
  orderNumber: string,
  change: OrderChange,
  rules: ChangeRules,
  decidedBy: "index" | "ingram",
  correlationId: string,
): Promise<never> {
  // Audited like a refused permission: once per user, order and change per window, and the refusal stands
  // when the audit cannot be written.
  await recordRefusalOnce(`hold|${actor.id}|${orderNumber}|${change}`, {
    actor: auditActor(actor),
    action: `order.${change}`,
    outcome: "failed",
    orderNumber,
    correlationId,
    request: { refused: rules.rule, reason: rules.reason, decidedBy },
  }).catch((err: unknown) => log("warn", "hold refusal not audited", { correlationId, orderNumber, err }));
  throw new AppError(
    "not_on_customer_hold",
    `${rules.reason ?? "This order cannot be changed."} Nothing was sent to Ingram Micro.`,
  );
}
