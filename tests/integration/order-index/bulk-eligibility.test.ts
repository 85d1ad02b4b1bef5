import { describe, expect, it } from "vitest";
import * as release from "@/app/api/orders/[orderNumber]/release/route";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { bulkEligibleOrders } from "@/lib/order-index/bulk-eligibility";
import { call, useOrdersHarness } from "@/tests/integration/orders/harness";
import { indexSandboxOrders } from "@/tests/support/order-index";
import { actorFor } from "@/tests/support/session";

// Which rows of the orders list are offered for a bulk release or cancel: decided by the one hold rule on the
// indexed detail, and only for users who may release or cancel.
const h = useOrdersHarness({ webhookDelayMs: 60_000 });
// The release test releases its own held order (HELD_C): the file passes in any order.
const [HELD_A, HELD_B, HELD_C] = FX.heldOrderNumbers;
const OTHERS = [
  FX.ingramHeldOrderNumber,
  FX.processingOrderNumber,
  FX.canceledOrderNumber,
  FX.shippedOrder.orderNumber,
];

describe("bulk selection: only orders on customer hold are offered", () => {
  it("offers the customer holds, not an Ingram hold, a released, cancelled or shipped order, nor one never read", async () => {
    await indexSandboxOrders(h.t.db, h.sb.sandbox, [HELD_A!, HELD_B!, ...OTHERS]);
    const buyer = await actorFor(h.cookies.buyer);
    const got = await bulkEligibleOrders(buyer, [HELD_A!, HELD_B!, ...OTHERS, "20-NEVER1"]);
    expect(got.map((e) => e.orderNumber).sort()).toEqual([HELD_A, HELD_B].sort());
    // The void deadline is computed from Ingram's order date-time, which the detail carries.
    expect(got.every((e) => e.orderedAt && /T\d{2}:\d{2}/.test(e.orderedAt))).toBe(true);
  });

  it("offers nothing to a viewer (no release or cancel) and refuses the anonymous", async () => {
    expect(await bulkEligibleOrders(await actorFor(h.cookies.viewer), [HELD_A!])).toEqual([]);
    await expect(bulkEligibleOrders(null, [HELD_A!])).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("stops offering an order once a release through the route has written its new state through", async () => {
    await indexSandboxOrders(h.t.db, h.sb.sandbox, [HELD_A!, HELD_C!]);
    const buyer = await actorFor(h.cookies.buyer);
    expect((await bulkEligibleOrders(buyer, [HELD_A!, HELD_C!])).map((e) => e.orderNumber).sort()).toEqual(
      [HELD_A, HELD_C].sort(),
    );
    const res = await call(h, release.POST, `/api/orders/${HELD_C}/release`, {
      method: "POST",
      body: {},
      params: { orderNumber: HELD_C! },
    });
    expect(res.status).toBe(200);
    const got = await bulkEligibleOrders(buyer, [HELD_A!, HELD_C!]);
    expect(got.map((e) => e.orderNumber)).toEqual([HELD_A]);
  });
});
