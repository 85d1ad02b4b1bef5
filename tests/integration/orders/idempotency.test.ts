import { describe, expect, it } from "vitest";
import * as orders from "@/app/api/orders/route";
import * as requests from "@/app/api/order-requests/route";
import { call, newKey, orderInput, useOrdersHarness } from "./harness";

const h = useOrdersHarness({ webhookDelayMs: 60_000 });

const post = (key: string, body: unknown, handler = orders.POST, path = "/api/orders") =>
  call(h, handler, path, { method: "POST", body, headers: { "idempotency-key": key } });

describe("Idempotency-Key on POST /api/orders", () => {
  it("20 concurrent + 5 sequential requests with one key make exactly one upstream create and identical replies", async () => {
    const key = newKey();
    const input = orderInput();
    const before = h.sb.sandbox.stats.count("create");
    const concurrent = await Promise.all(Array.from({ length: 20 }, () => post(key, input)));
    const sequential: Response[] = [];
    for (let i = 0; i < 5; i++) sequential.push(await post(key, input));
    const all = [...concurrent, ...sequential];
    expect(h.sb.sandbox.stats.count("create") - before).toBe(1);
    const bodies = await Promise.all(all.map((r) => r.text()));
    expect(new Set(all.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(bodies).size).toBe(1);
    expect(all.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(24);
    const orderNumber = JSON.parse(bodies[0]!).result.orders[0].orderNumber;
    expect(
      h.sb.sandbox.store.listOrders().filter((o) => o.customerOrderNumber === input.customerOrderNumber),
    ).toHaveLength(1);
    expect(
      await h.t.db.auditEvent.count({
        where: {
          action: "order.create",
          outcome: "intent",
          correlationId: { not: null },
          request: { path: ["idempotencyKey"], equals: key },
        },
      }),
    ).toBe(1);
    expect(orderNumber).toMatch(/^[A-Z0-9-]+$/);
  });

  it("answers 422 when the key is reused with a different body, without calling Ingram", async () => {
    const key = newKey();
    expect((await post(key, orderInput())).status).toBe(201);
    const before = h.sb.sandbox.stats.count("create");
    const res = await post(key, orderInput());
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/Idempotency-Key/);
    expect(h.sb.sandbox.stats.count("create")).toBe(before);
  });

  it("keys are per user: another user's identical key is a separate request", async () => {
    const key = newKey();
    const input = orderInput();
    const before = h.sb.sandbox.stats.count("create");
    expect((await post(key, input)).status).toBe(201);
    const other = await call(h, orders.POST, "/api/orders", {
      as: "admin",
      method: "POST",
      body: { ...input, customerOrderNumber: `${input.customerOrderNumber}-B` },
      headers: { "idempotency-key": key },
    });
    expect(other.status).toBe(201);
    expect(h.sb.sandbox.stats.count("create") - before).toBe(2);
  });

  it("while the first request is in flight a duplicate waits and replays (never a second create)", async () => {
    const key = newKey();
    const input = orderInput();
    h.sb.sandbox.faults.set({ op: "create", times: 1, kind: "latency", ms: 800 });
    const before = h.sb.sandbox.stats.count("create");
    const first = post(key, input);
    await new Promise((r) => setTimeout(r, 200));
    const second = await post(key, input);
    const firstRes = await first;
    expect([firstRes.status, second.status]).toEqual([201, 201]);
    expect(await second.text()).toBe(await firstRes.text());
    expect(h.sb.sandbox.stats.count("create") - before).toBe(1);
  });

  it.each([
    ["missing", undefined],
    ["too short", "abc"],
    ["bad characters", "key with spaces!"],
    ["too long", "k".repeat(101)],
  ])("refuses a %s key with 400 and no upstream call", async (_label, key) => {
    const before = h.sb.sandbox.stats.count("create");
    const res = await call(h, orders.POST, "/api/orders", {
      method: "POST",
      body: orderInput(),
      headers: key === undefined ? {} : { "idempotency-key": key },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/Idempotency-Key/);
    expect(h.sb.sandbox.stats.count("create")).toBe(before);
  });

  it("releases the key when nothing reached Ingram (circuit open / 503), so a retry with it works", async () => {
    const key = newKey();
    const input = orderInput();
    h.sb.sandbox.faults.set({ op: "create", times: 1, kind: "status", status: 503 });
    const failed = await post(key, input);
    expect(failed.status).toBe(503);
    const retried = await post(key, input);
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
  });
});

describe("Idempotency-Key on POST /api/order-requests", () => {
  it("10 concurrent requests with one key make one v7 create and one OrderRequest row", async () => {
    const key = newKey();
    const input = orderInput({ customerOrderNumber: `V7-${Date.now().toString(36).slice(-6)}` });
    const before = h.sb.sandbox.stats.count("createV7");
    const all = await Promise.all(
      Array.from({ length: 10 }, () => post(key, input, requests.POST, "/api/order-requests")),
    );
    expect(new Set(all.map((r) => r.status))).toEqual(new Set([202]));
    expect(new Set(await Promise.all(all.map((r) => r.text()))).size).toBe(1);
    expect(h.sb.sandbox.stats.count("createV7") - before).toBe(1);
    expect(await h.t.db.orderRequest.count({ where: { customerOrderNumber: input.customerOrderNumber } })).toBe(1);
  });
});
