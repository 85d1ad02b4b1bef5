import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as one from "@/app/api/orders/[orderNumber]/route";
import * as orders from "@/app/api/orders/route";
import { budgetLimits } from "@/lib/ingram/call-policy";
import { endpointOf } from "@/lib/ingram/ingram-operations";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { PgBudget } from "@/lib/ingram-budget/pg-budget";
import { readOrder } from "@/lib/orders/get-order";
import { loadForPage } from "@/app/(portal)/page-data";
import { call, useOrdersHarness } from "@/tests/integration/orders/harness";
import { fillIndexInBulk, indexSandboxOrders } from "@/tests/support/order-index";

// A read the shared budget refuses (this minute's calls are spent, here by changes: the real PgBudget on the
// test database) is never sent to Ingram. An order the index has seen answers from it with its age; one it
// has not is a clear 429 with Retry-After (API) and a plain message for the page's panel, never a crash.
const h = useOrdersHarness({ webhookDelayMs: 60_000 });
const SEEN = FX.shippedOrder.orderNumber;
const UNSEEN = FX.processingOrderNumber;
const TWO_MINUTES_AGO = new Date(Date.now() - 120_000);
const limits = budgetLimits();

beforeAll(async () => {
  await fillIndexInBulk(h.t.db, 30);
  await indexSandboxOrders(h.t.db, h.sb.sandbox, [SEEN], TWO_MINUTES_AGO);
  await h.t.db.indexedOrder.deleteMany({ where: { orderNumber: UNSEEN } });
});

/** Installs a client on the shared budget with this minute's details calls all spent by changes. */
async function spendTheMinute() {
  const budget = new PgBudget(h.t.db, limits);
  h.sb.resetClient({ budget });
  const now = Date.now();
  for (let i = 0; i < limits.perMinute; i++) {
    expect((await budget.acquire({ endpoint: endpointOf("get"), priority: "change", now })).granted).toBe(true);
  }
}

afterEach(async () => {
  await h.t.db.ingramBudgetGrant.deleteMany();
  h.sb.resetClient();
});

const gets = () => h.sb.sandbox.stats.count("get");

describe("a read the budget refuses", () => {
  it("answers an order the index has seen from the index, with its age and why (200, nothing sent)", async () => {
    await spendTheMinute();
    const before = gets();
    const res = await call(h, one.GET, `/api/orders/${SEEN}`, { as: "viewer", params: { orderNumber: SEEN } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ source: "stale", fetchedAt: TWO_MINUTES_AGO.toISOString() });
    expect(body.staleReason).toMatch(/share of Ingram Micro calls/);
    expect(body.order.orderNumber).toBe(SEEN);
    expect(gets()).toBe(before);
  });

  it("answers an order the index has not seen with 429, Retry-After and a clear message (nothing sent)", async () => {
    await spendTheMinute();
    const before = gets();
    const res = await call(h, one.GET, `/api/orders/${UNSEEN}`, { as: "viewer", params: { orderNumber: UNSEEN } });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(Math.ceil(limits.windowMs / 1000));
    const body = await res.json();
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/share of Ingram Micro calls for this minute is used up; nothing was sent/);
    expect(JSON.stringify(body)).not.toMatch(/\bat \w|IngramError|transport\.ts/);
    expect(gets()).toBe(before);
  });

  it("gives the order page a plain message for its panel, not a crash", async () => {
    await spendTheMinute();
    const viewer = { id: h.users.viewer!.id, email: h.users.viewer!.email, name: null, role: "viewer" as const };
    const seen = await loadForPage("order detail", (cid) => readOrder(viewer, SEEN, cid));
    expect(seen.ok && seen.data.source).toBe("stale");
    const unseen = await loadForPage("order detail", (cid) => readOrder(viewer, UNSEEN, cid));
    expect(unseen).toMatchObject({ ok: false, status: 429, code: "rate_limited" });
    expect(!unseen.ok && unseen.message).toMatch(/Try again/);
    // The panel's Retry waits as long as the budget says (Retry-After), counting down.
    expect(!unseen.ok && unseen.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("leaves the list answering from the index with 0 Ingram calls", async () => {
    await spendTheMinute();
    const before = Object.values(h.sb.sandbox.stats.toJSON().counts).reduce((a, b) => a + b, 0);
    const res = await call(h, orders.GET, "/api/orders", { as: "viewer", query: "pageSize=10" });
    expect(res.status).toBe(200);
    expect((await res.json()).source).toBe("index");
    expect(Object.values(h.sb.sandbox.stats.toJSON().counts).reduce((a, b) => a + b, 0)).toBe(before);
  });
});
