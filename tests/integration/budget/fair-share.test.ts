// The budget as users meet it, through the real route handlers, against a sandbox that enforces Ingram's 60
// calls a minute and the budget kept in the database. Time is the sandbox's clock, moved by the test.
import { describe, expect, it } from "vitest";
import * as one from "@/app/api/orders/[orderNumber]/route";
import { budgetLimits } from "@/lib/ingram/call-policy";
import { useBudgetedClient } from "./budgeted-client";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { flightsSettled } from "@/lib/orders/shared-flight";
import { makeUser, sessionCookie } from "@/tests/support/session";
import { auditRows, call, useOrdersHarness } from "@/tests/integration/orders/harness";

const h = useOrdersHarness({ rateLimitPerMinute: 60 });
const limits = budgetLimits();
const viewed = FX.shippedOrder.orderNumber;

useBudgetedClient(h, limits);

/** A fresh minute: the budget's window and the sandbox's minute both start over. */
function nextMinute() {
  h.sb.sandbox.clock.advance(limits.windowMs);
}

const getsThisMinute = () => h.sb.sandbox.stats.countInMinute("get", h.sb.sandbox.clock.now());

async function viewerCookie(): Promise<string> {
  return sessionCookie(await makeUser(h.t.db, "viewer"));
}

/**
 * One order page load that misses the order index (as loads of 200 different orders would), so that every
 * load asks the budget; reads the index can answer cost nothing (tests/integration/order-index).
 */
async function view(cookie: string | null, n = viewed): Promise<Response> {
  // The previous load's index write lands after its answer: remove the row once it has.
  await flightsSettled();
  await h.t.db.indexedOrder.deleteMany({ where: { orderNumber: n } });
  return call(h, one.GET, `/api/orders/${n}`, {
    as: "anonymous",
    headers: cookie ? { cookie } : {},
    params: { orderNumber: n },
  });
}

const cancel = (n: string) => call(h, one.DELETE, `/api/orders/${n}`, { method: "DELETE", params: { orderNumber: n } });

describe("fair share", () => {
  it("a viewer loading one order 200 times in a minute does not make a buyer's cancel fail", async () => {
    nextMinute();
    const cancelsBefore = h.sb.sandbox.stats.count("cancel");
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await view(h.cookies.viewer)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(limits.userShare);
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - limits.userShare);
    const refused = await view(h.cookies.viewer);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("rate_limited");

    // A colleague still gets their share; the buyer's change goes through.
    expect((await view(await viewerCookie())).status).toBe(200);
    const n = FX.heldOrderNumbers[0]!;
    const res = await cancel(n);
    expect(res.status).toBe(200);
    expect((await res.json()).result).toMatchObject({ outcome: "succeeded", orderNumber: n });
    expect(h.sb.sandbox.stats.count("cancel")).toBe(cancelsBefore + 1);
    expect(getsThisMinute()).toBeLessThanOrEqual(60);
  });

  it("when many viewers use up the reads of a minute, a change still has its reserve", async () => {
    nextMinute();
    const viewers = await Promise.all(Array.from({ length: 4 }, () => viewerCookie()));
    let ok = 0;
    for (const cookie of viewers)
      for (let i = 0; i < limits.userShare; i++) if ((await view(cookie)).status === 200) ok++;
    expect(ok).toBe(limits.perMinute - limits.reserve.interactive);
    expect((await view(await viewerCookie())).status).toBe(429);

    const n = FX.heldOrderNumbers[2]!;
    const res = await cancel(n);
    expect(res.status).toBe(200);
    const rows = await auditRows(h, { orderNumber: n, action: "order.cancel" });
    expect(rows.map((r) => r.outcome)).toEqual(["intent", "succeeded"]);
    expect(getsThisMinute()).toBeLessThanOrEqual(60);
  });

  it("a change that cannot get budget is refused with 429 and Retry-After: nothing sent, nothing queued", async () => {
    nextMinute();
    const at = new Date(h.sb.sandbox.clock.now());
    await h.t.db.ingramBudgetGrant.createMany({
      data: Array.from({ length: limits.perMinute }, () => ({
        endpoint: "GET /resellers/v6.1/orders/{}",
        at,
        priority: "change",
        userId: "someone-else",
      })),
    });
    const deletesBefore = h.sb.sandbox.stats.count("cancel");
    const getsBefore = h.sb.sandbox.stats.count("get");
    const n = FX.heldOrderNumbers[3]!;
    const res = await cancel(n);
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil(limits.windowMs / 1000));
    expect((await res.json()).error).toMatchObject({ code: "rate_limited" });
    expect(h.sb.sandbox.stats.count("cancel")).toBe(deletesBefore);
    expect(h.sb.sandbox.stats.count("get")).toBe(getsBefore);
    expect(await auditRows(h, { orderNumber: n })).toEqual([]);

    // Once the window has moved on, the same change goes through: it was refused, not parked.
    nextMinute();
    expect((await cancel(n)).status).toBe(200);
    expect(h.sb.sandbox.stats.count("cancel")).toBe(deletesBefore + 1);
  });
});
