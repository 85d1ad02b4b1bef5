// Which changes Ingram accepts for an order, decided in one place for the API use cases, the order pages and
// the sandbox (CONTRACT §6.1, §6.6, pitfall 15): only an order created on customer hold
// (allowOrderOnCustomerHold=true) and not yet released can be modified, released or cancelled. An order "On
// Hold" for Ingram's own reasons (credit, review, vendor authorisation) cannot. Pure and import-free (types
// only), so the sandbox can run it unchanged.
import type { OrderState } from "./dto-types";

export interface HoldFacts {
  /** The order's state, normalised (dto.ts toStatus). */
  state: OrderState;
  /**
   * true only when the order says it was created on customer hold. Ingram's examples never show the flag on a
   * detail, so anything short of it (absent, "false", unreadable) counts as not a customer hold.
   */
  customerHold: boolean;
  /** Ingram's own reason for its hold, when it gives one (e.g. "Credit review"). */
  holdReason?: string | null;
}

/** Why a change is refused; null when every change is allowed. */
export type HoldRule = "ingram_hold" | "released" | "shipped" | "cancelled" | "unknown_state";

export interface ChangeRules {
  canModify: boolean;
  canRelease: boolean;
  canCancel: boolean;
  rule: HoldRule | null;
  /** Said beside where the buttons would be, and in the API's refusal; null when changes are allowed. */
  reason: string | null;
}

const ONLY_CUSTOMER_HOLD = "Ingram changes only orders placed on customer hold";

const SHIPPED: readonly OrderState[] = ["shipped", "partially_shipped", "delivered", "invoiced", "closed"];
const RELEASED: readonly OrderState[] = ["open", "processing", "backordered"];

function refuse(rule: HoldRule, reason: string): ChangeRules {
  return { canModify: false, canRelease: false, canCancel: false, rule, reason };
}

/** The one rule: every change allowed on a customer hold, none otherwise, with the reason in staff's words. */
export function changeRules(facts: HoldFacts): ChangeRules {
  if (facts.state === "on_hold" && facts.customerHold) {
    return { canModify: true, canRelease: true, canCancel: true, rule: null, reason: null };
  }
  if (facts.state === "on_hold") {
    const why = facts.holdReason?.trim() ? ` (${facts.holdReason.trim().toLowerCase()})` : "";
    return refuse("ingram_hold", `${ONLY_CUSTOMER_HOLD}; this order is on hold at Ingram${why}.`);
  }
  if (SHIPPED.includes(facts.state)) {
    return refuse("shipped", "Shipped orders cannot be changed, released or cancelled.");
  }
  if (facts.state === "cancelled") return refuse("cancelled", "This order is cancelled.");
  if (RELEASED.includes(facts.state)) {
    return refuse("released", `${ONLY_CUSTOMER_HOLD}; this order is released to Ingram's warehouse.`);
  }
  return refuse("unknown_state", `${ONLY_CUSTOMER_HOLD}; Ingram does not say this order is on customer hold.`);
}

/** A rule that, once it refuses, refuses for good: the flag is set at creation and a released order never returns. */
export function isFinalRefusal(rules: ChangeRules): boolean {
  return rules.rule !== null && rules.rule !== "unknown_state";
}

const CUSTOMER_HOLD_ATTRIBUTE = "alloworderoncustomerhold";
const HOLD_REASON_ATTRIBUTE = "holdreason";

/** The facts from an order as the portal shows it (header additionalAttributes as name/value). */
export function holdFactsOf(order: {
  status: { state: OrderState };
  attributes: readonly { name: string | null; value: string | null }[];
}): HoldFacts {
  const attr = (name: string) => order.attributes.find((a) => a.name?.trim().toLowerCase() === name)?.value ?? null;
  return {
    state: order.status.state,
    customerHold: /^(true|y|yes|1)$/i.test(attr(CUSTOMER_HOLD_ATTRIBUTE)?.trim() ?? ""),
    holdReason: attr(HOLD_REASON_ATTRIBUTE),
  };
}

/** changeRules for an order as the portal shows it. */
export function orderChangeRules(order: Parameters<typeof holdFactsOf>[0]): ChangeRules {
  return changeRules(holdFactsOf(order));
}

export type ChangeAction = "modify" | "release" | "cancel";

const VERB: Record<ChangeAction, string> = {
  modify: "Ingram edits",
  release: "Ingram releases",
  cancel: "Ingram cancels",
};

/**
 * Said in place of one action's button: why it is not offered (null when it is). The order's own state is
 * said once beside it (ChangeRules.reason).
 */
export function whyNot(rules: ChangeRules, action: ChangeAction): string | null {
  return rules.rule === null ? null : `${VERB[action]} only orders on customer hold.`;
}
