import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as one from "@/app/api/orders/[orderNumber]/route";
import * as release from "@/app/api/orders/[orderNumber]/release/route";
import * as refresh from "@/app/api/orders/refresh/route";
import * as orders from "@/app/api/orders/route";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { call, useOrdersHarness } from "@/tests/integration/orders/harness";
import { fillIndexInBulk, indexSandboxOrders } from "@/tests/support/order-index";

// Ingram down: every sandbox call fails. What the index has seen still answers, with its age; changes are
// refused with a message that says why, and never reach Ingram's write operations.
const h = useOrdersHarness({ webhookDelayMs: 60_000 });
const SEEN = FX.shippedOrder.orderNumber;
const HELD = FX.heldOrderNumbers[3];
const TWO_MINUTES_AGO = new Date(Date.now() - 120_000);

beforeAll(async () => {
  await fillIndexInBulk(h.t.db, 50);
  await indexSandboxOrders(h.t.db, h.sb.sandbox, [SEEN, HELD], TWO_MINUTES_AGO);
});

afterEach(() => {
  h.sb.sandbox.faults.clear();
  h.sb.resetClient();
});

const calls = () => Object.values(h.sb.sandbox.stats.toJSON().counts).reduce((a, b) => a + b, 0);
// With a fresh client (afterEach) the token request fails too: Ingram is down for everything.
const ingramDown = () => h.sb.sandbox.faults.set({ kind: "status", status: 503 });

describe("with the sandbox failing every call", () => {
  it("the order list answers from the index with its age (200)", async () => {
    ingramDown();
    const res = await call(h, orders.GET, "/api/orders", { as: "viewer", query: "pageSize=100" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.source).toBe("index");
    expect(Date.parse(body.syncedAt)).toBeGreaterThan(0);
    expect(body.orders.map((o: { orderNumber: string }) => o.orderNumber)).toContain(SEEN);
  });

  it("an order seen before answers (200) with its age and why it is not current", async () => {
    ingramDown();
    const before = calls();
    const res = await call(h, one.GET, `/api/orders/${SEEN}`, { as: "viewer", params: { orderNumber: SEEN } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ source: "stale", fetchedAt: TWO_MINUTES_AGO.toISOString() });
    expect(body.staleReason).toMatch(/Ingram Micro/);
    expect(body.order.orderNumber).toBe(SEEN);
    // It did try Ingram first: the index copy was older than the freshness window.
    expect(calls()).toBeGreaterThan(before);
  });

  it("an order never seen is a clear error, not a blank page", async () => {
    ingramDown();
    const n = FX.processingOrderNumber;
    const res = await call(h, one.GET, `/api/orders/${n}`, { params: { orderNumber: n } });
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.error.message).toMatch(/Ingram Micro/);
    expect(JSON.stringify(body)).not.toMatch(/\bat \w|IngramError|transport\.ts/);
  });

  it("a change is refused with a clear message and 0 write calls", async () => {
    ingramDown();
    const before = h.sb.sandbox.stats.count("modify");
    const res = await call(h, release.POST, `/api/orders/${HELD}/release`, {
      method: "POST",
      params: { orderNumber: HELD },
    });
    expect(res.status).toBe(503);
    expect((await res.json()).error.message).toMatch(/Ingram Micro/);
    expect(h.sb.sandbox.stats.count("modify")).toBe(before);
    expect(h.sb.sandbox.store.getOrder(HELD)?.status).toBe("On Hold");
  });

  it("Refresh from Ingram reports the failure and the index keeps answering", async () => {
    ingramDown();
    const res = await call(h, refresh.POST, "/api/orders/refresh", { method: "POST", query: "pageSize=25" });
    expect(res.status).toBe(503);
    const list = await call(h, orders.GET, "/api/orders", { query: "pageSize=5" });
    expect(list.status).toBe(200);
    expect((await list.json()).orders).toHaveLength(5);
  });
});

it("once Ingram answers again, the order is read live and the index catches up", async () => {
  const res = await call(h, one.GET, `/api/orders/${SEEN}`, { params: { orderNumber: SEEN } });
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body.source).toBe("ingram");
  expect(Date.parse(body.fetchedAt)).toBeGreaterThan(TWO_MINUTES_AGO.getTime());
});
