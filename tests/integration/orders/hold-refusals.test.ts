import { describe, expect, it } from "vitest";
import * as one from "@/app/api/orders/[orderNumber]/route";
import * as release from "@/app/api/orders/[orderNumber]/release/route";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import type { IngramOperation } from "@/lib/ingram/ingram-operations";
import { auditRows, call, useOrdersHarness } from "./harness";

const h = useOrdersHarness();

type Change = "modify" | "release" | "cancel";

function change(kind: Change, n: string) {
  if (kind === "cancel")
    return call(h, one.DELETE, `/api/orders/${n}`, { method: "DELETE", params: { orderNumber: n } });
  if (kind === "release")
    return call(h, release.POST, `/api/orders/${n}/release`, { method: "POST", body: {}, params: { orderNumber: n } });
  return call(h, one.PUT, `/api/orders/${n}`, { method: "PUT", body: { notes: "x" }, params: { orderNumber: n } });
}

const counts = () => {
  const ops: IngramOperation[] = ["get", "modify", "release", "cancel"];
  return Object.fromEntries(ops.map((op) => [op, h.sb.sandbox.stats.count(op)])) as Record<string, number>;
};

const delta = (a: Record<string, number>, b: Record<string, number>) =>
  Object.fromEntries(Object.keys(a).map((k) => [k, b[k]! - a[k]!]));

describe("changes Ingram would refuse are refused here, with no change call", () => {
  it("an order on hold at Ingram (credit review): 409 naming the rule, one live GET, 0 PUT/DELETE", async () => {
    const n = FX.ingramHeldOrderNumber;
    await h.t.db.indexedOrder.deleteMany({ where: { orderNumber: n } });
    for (const kind of ["cancel", "release", "modify"] as const) {
      await h.t.db.indexedOrder.deleteMany({ where: { orderNumber: n } });
      const before = counts();
      const res = await change(kind, n);
      expect(res.status).toBe(409);
      const body = await res.json();
      expect(body.error.code).toBe("not_on_customer_hold");
      expect(body.error.message).toBe(
        "Ingram changes only orders placed on customer hold; this order is on hold at Ingram (credit review). Nothing was sent to Ingram Micro.",
      );
      expect(body.error.correlationId).toMatch(/^[0-9a-f]{32}$/);
      expect(res.headers.get("x-correlation-id")).toBe(body.error.correlationId);
      // The index held nothing for the order: the live read-before decided (1 GET), and nothing else was sent.
      expect(delta(before, counts())).toEqual({ get: 1, modify: 0, release: 0, cancel: 0 });
    }
    expect(h.sb.sandbox.store.getOrder(n)).toMatchObject({ status: "On Hold", customerHold: false });
  });

  it("a second try is refused from the order index without any Ingram call", async () => {
    const n = FX.ingramHeldOrderNumber;
    // A refused live read keeps the order in the index; an Ingram hold never becomes a customer hold.
    await h.t.db.indexedOrder.deleteMany({ where: { orderNumber: n } });
    expect((await change("release", n)).status).toBe(409);
    expect(await h.t.db.indexedOrder.count({ where: { orderNumber: n } })).toBe(1);
    for (const kind of ["cancel", "release", "modify"] as const) {
      const before = counts();
      const res = await change(kind, n);
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe("not_on_customer_hold");
      expect(delta(before, counts())).toEqual({ get: 0, modify: 0, release: 0, cancel: 0 });
    }
  });

  it("released, shipped and cancelled orders: refused with the rule's reason, no change call", async () => {
    const cases: [string, RegExp][] = [
      [FX.processingOrderNumber, /released to Ingram's warehouse/],
      [FX.shippedOrder.orderNumber, /^Shipped orders cannot be changed, released or cancelled/],
      [FX.canceledOrderNumber, /^This order is cancelled/],
    ];
    for (const [n, reason] of cases) {
      const before = counts();
      const res = await change("cancel", n);
      expect(res.status).toBe(409);
      expect((await res.json()).error.message).toMatch(reason);
      const d = delta(before, counts());
      expect([d.modify, d.release, d.cancel]).toEqual([0, 0, 0]);
      expect(d.get).toBeLessThanOrEqual(1);
    }
  });

  it("a refusal is audited once per user, order and change in a window, without an intent", async () => {
    const n = FX.backorderedOrderNumber;
    for (let i = 0; i < 3; i++) expect((await change("cancel", n)).status).toBe(409);
    const rows = await auditRows(h, { orderNumber: n, action: "order.cancel" });
    expect(rows.map((r) => r.outcome)).toEqual(["failed"]);
    expect(rows[0]!.request).toMatchObject({ refused: "released", decidedBy: expect.stringMatching(/index|ingram/) });
    expect(rows[0]!.actorEmail).toBe(h.users.buyer!.email);
  });

  it("a customer hold still changes: one GET before, one DELETE", async () => {
    const n = FX.heldOrderNumbers[3];
    const before = counts();
    const res = await change("cancel", n);
    expect(res.status).toBe(200);
    const d = delta(before, counts());
    expect(d.cancel).toBe(1);
    expect(d.get).toBeGreaterThanOrEqual(1); // the read before, and the re-read after for the audit
  });
});
