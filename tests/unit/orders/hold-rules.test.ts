import { describe, expect, it } from "vitest";
import { toOrderDetail } from "@/lib/orders/dto";
import type { OrderState } from "@/lib/orders/dto-types";
import { changeRules, holdFactsOf, isFinalRefusal, orderChangeRules, whyNot } from "@/lib/orders/hold-rules";

const detail = (orderStatus: string, attrs: [string, string][] = []) =>
  toOrderDetail({
    ingramOrderNumber: "20-ABCDE",
    orderStatus,
    additionalAttributes: attrs.map(([attributeName, attributeValue]) => ({ attributeName, attributeValue })),
  });

describe("hold rules (one rule for API, pages and sandbox)", () => {
  it("a customer hold allows every change", () => {
    const r = orderChangeRules(detail("On Hold", [["allowOrderOnCustomerHold", "true"]]));
    expect(r).toEqual({ canModify: true, canRelease: true, canCancel: true, rule: null, reason: null });
  });

  it("reads Ingram's status vocabularies and the flag case-insensitively", () => {
    for (const status of ["ON HOLD", "im::hold", "On Hold", "IM::order_hold"])
      expect(orderChangeRules(detail(status, [["ALLOWORDERONCUSTOMERHOLD", "True"]])).canCancel).toBe(true);
  });

  it("an Ingram hold allows nothing and says why, with Ingram's reason when given", () => {
    const r = orderChangeRules(detail("On Hold", [["holdReason", "Credit review"]]));
    expect(r).toMatchObject({ canModify: false, canRelease: false, canCancel: false, rule: "ingram_hold" });
    expect(r.reason).toBe(
      "Ingram changes only orders placed on customer hold; this order is on hold at Ingram (credit review).",
    );
    expect(orderChangeRules(detail("On Hold")).reason).toMatch(/on hold at Ingram\.$/);
    expect(isFinalRefusal(r)).toBe(true);
  });

  it("unknown is not a customer hold: a missing, false or odd flag refuses", () => {
    for (const value of ["false", "", "maybe", "0"])
      expect(orderChangeRules(detail("On Hold", [["allowOrderOnCustomerHold", value]])).rule).toBe("ingram_hold");
    expect(holdFactsOf(detail("On Hold")).customerHold).toBe(false);
  });

  it("shipped, released and cancelled orders refuse for good; an unreadable status refuses but not for good", () => {
    const cases: [string, string, RegExp][] = [
      ["Shipped", "shipped", /Shipped orders cannot be changed, released or cancelled/],
      ["Delivered", "shipped", /Shipped orders/],
      ["Processing", "released", /released to Ingram's warehouse/],
      ["Backordered", "released", /released/],
      ["Canceled", "cancelled", /cancelled/],
    ];
    for (const [status, rule, reason] of cases) {
      // The flag left over from creation does not make a released or shipped order changeable.
      const r = orderChangeRules(detail(status, [["allowOrderOnCustomerHold", "true"]]));
      expect(r).toMatchObject({ canModify: false, canRelease: false, canCancel: false, rule });
      expect(r.reason).toMatch(reason);
      expect(isFinalRefusal(r)).toBe(true);
    }
    const odd = orderChangeRules(detail("Pending approval"));
    expect(odd.rule).toBe("unknown_state");
    expect(odd.canModify).toBe(false);
    expect(isFinalRefusal(odd)).toBe(false);
  });

  it("every state: changes are allowed exactly for on_hold with the customer-hold flag", () => {
    const states: OrderState[] = [
      "open",
      "processing",
      "on_hold",
      "backordered",
      "shipped",
      "partially_shipped",
      "delivered",
      "invoiced",
      "closed",
      "cancelled",
      "unknown",
    ];
    for (const state of states)
      for (const customerHold of [true, false]) {
        const r = changeRules({ state, customerHold });
        const allowed = state === "on_hold" && customerHold;
        expect([r.canModify, r.canRelease, r.canCancel]).toEqual([allowed, allowed, allowed]);
        expect(r.reason === null).toBe(allowed);
      }
  });
});

describe("why an action is not offered (said in place of its button)", () => {
  it("names the action, for every state that refuses", () => {
    expect(whyNot(changeRules({ state: "shipped", customerHold: false }), "cancel")).toBe(
      "Ingram cancels only orders on customer hold.",
    );
    expect(whyNot(changeRules({ state: "open", customerHold: false }), "release")).toBe(
      "Ingram releases only orders on customer hold.",
    );
    expect(whyNot(changeRules({ state: "on_hold", customerHold: false }), "modify")).toMatch(/^Ingram edits only/);
  });

  it("says nothing when the action is offered", () => {
    expect(whyNot(changeRules({ state: "on_hold", customerHold: true }), "cancel")).toBeNull();
  });
});
