import { describe, expect, it } from "vitest";
import * as orders from "@/app/api/orders/route";
import * as one from "@/app/api/orders/[orderNumber]/route";
import * as release from "@/app/api/orders/[orderNumber]/release/route";
import * as exportRoute from "@/app/api/orders/export/route";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { json, route } from "@/lib/http";
import { auditRows, call, newKey, orderInput, useOrdersHarness } from "./harness";

const h = useOrdersHarness();

// The parts of response bodies and audit JSON columns these tests read.
type OrderLineJson = { shipments: { tracking: { trackingNumber: string }[] }[] };
type LineResultJson = { result: string };
type RequestJson = { input?: { customerOrderNumber?: string } };

describe("reads", () => {
  // With the order index empty, a list view is one live Ingram search (the index answers once it has data).
  it("with an empty index, searches Ingram with its wire names and maps to portal summaries", async () => {
    await h.t.db.indexedOrder.deleteMany();
    const res = await call(h, orders.GET, "/api/orders", {
      as: "viewer",
      query: `customerOrderNumber=${FX.multiPagePo.term}&pageSize=25&pageNumber=3&sort=orderNumber&dir=desc`,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const body = await res.json();
    expect(body).toMatchObject({ total: FX.multiPagePo.count, page: 3, pageSize: 25, pageCount: 3, source: "ingram" });
    expect(body.orders).toHaveLength(FX.multiPagePo.count - 50);
    const numbers = body.orders.map((o: { orderNumber: string }) => o.orderNumber);
    expect(numbers).toEqual([...numbers].sort().reverse());
    const sent = h.sb.sandbox.stats.requests.filter((r) => r.op === "search").at(-1)!;
    expect(sent.query).toEqual(
      expect.arrayContaining([
        ["customerOrderNumber", FX.multiPagePo.term],
        ["pageNumber", "3"],
      ]),
    );
    expect(sent.query.some(([k]) => k === "sort" || k === "dir")).toBe(false);
  });

  it("with an empty index, sends date ranges as repeated keys and answers 204 as an empty page", async () => {
    await h.t.db.indexedOrder.deleteMany();
    const res = await call(h, orders.GET, "/api/orders", {
      query: "ingramOrderDate-bt=2001-01-01&ingramOrderDate-bt=2001-01-02",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      orders: [],
      total: 0,
      page: 1,
      pageSize: 25,
      pageCount: 0,
      source: "ingram",
      // Nothing written, and the index held nothing before: it has no time to show.
      syncedAt: null,
    });
    const sent = h.sb.sandbox.stats.requests.filter((r) => r.op === "search").at(-1)!;
    expect(sent.query.filter(([k]) => k === "ingramOrderDate-bt").map(([, v]) => v)).toEqual([
      "2001-01-01",
      "2001-01-02",
    ]);
  });

  it("with an empty index, the same live page asked for at once is one Ingram call; another page is another", async () => {
    await h.t.db.indexedOrder.deleteMany();
    const term = `customerOrderNumber=${FX.multiPagePo.term}&pageSize=25`;
    const before = h.sb.sandbox.stats.count("search");
    const startedAt = Date.now();
    const who = ["viewer", "buyer", "admin"] as const;
    const same = Array.from({ length: 6 }, (_, i) =>
      call(h, orders.GET, "/api/orders", {
        as: who[i % 3],
        query: `${term}&sort=orderNumber&dir=${i % 2 ? "desc" : "asc"}`,
      }),
    );
    const other = call(h, orders.GET, "/api/orders", { query: `${term}&pageNumber=2` });
    const answers = await Promise.all([...same, other]);
    expect(answers.map((r) => r.status)).toEqual(Array(7).fill(200));
    expect(h.sb.sandbox.stats.count("search") - before).toBe(2);
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as {
      page: number;
      source: string;
      syncedAt: string | null;
      orders: { orderNumber: string }[];
    }[];
    expect(bodies.map((b) => b.page)).toEqual([1, 1, 1, 1, 1, 1, 2]);
    expect(bodies.every((b) => b.source === "ingram" && b.orders.length === 25)).toBe(true);
    // The index held nothing before; each answer's time is its page's own write.
    for (const b of bodies) expect(Date.parse(b.syncedAt ?? "")).toBeGreaterThanOrEqual(startedAt - 1);
    const numbers = bodies.map((b) => b.orders.map((o) => o.orderNumber));
    // One Ingram page between them, each sorted as its own request asked.
    expect(numbers[0]).toEqual([...numbers[0]!].sort());
    expect(numbers[1]).toEqual([...numbers[0]!].reverse());
    expect(new Set(numbers[6])).not.toEqual(new Set(numbers[0]));
    // Shared while it runs, not kept: the same page asked for again afterwards is read from Ingram again.
    await call(h, orders.GET, "/api/orders", { query: term });
    expect(h.sb.sandbox.stats.count("search") - before).toBe(3);
  });

  it("counts a request as asked when it arrives, before its sign-in check (what a shared live page compares)", async () => {
    const probe = route({ permission: "orders.read" }, async ({ actor, arrivedAt }) =>
      json({ actor: actor?.id, arrivedAt }),
    );
    const before = performance.now();
    const pending = call(h, probe, "/api/orders", { as: "viewer" });
    // The wrapper has gone as far as it can without waiting: the sign-in check has not answered yet.
    const returned = performance.now();
    const body = (await (await pending).json()) as { actor: string; arrivedAt: number };
    expect(body.actor).toBe(h.users.viewer!.id);
    expect(body.arrivedAt).toBeGreaterThanOrEqual(before);
    expect(body.arrivedAt).toBeLessThanOrEqual(returned);
  });

  it("rejects a bad filter with a field message and no upstream call", async () => {
    const before = h.sb.sandbox.stats.count("search");
    const res = await call(h, orders.GET, "/api/orders", { query: "ingramOrderDate=31-01-2024&pageSize=500" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.fields.ingramOrderDate).toMatch(/Order date/);
    expect(body.error.fields.pageSize).toMatch(/Page size/);
    expect(h.sb.sandbox.stats.count("search")).toBe(before);
  });

  it("shows an order's detail", async () => {
    const res = await call(h, one.GET, `/api/orders/${FX.shippedOrder.orderNumber}`, {
      params: { orderNumber: FX.shippedOrder.orderNumber },
    });
    expect(res.status).toBe(200);
    const { order } = await res.json();
    expect(order.orderNumber).toBe(FX.shippedOrder.orderNumber);
    expect(order.customerOrderNumber).toBe(FX.shippedOrder.customerOrderNumber);
    expect(order.status.state).toBe("shipped");
    const tracking = order.lines.flatMap((l: OrderLineJson) =>
      l.shipments.flatMap((s) => s.tracking.map((t) => t.trackingNumber)),
    );
    expect(tracking).toContain(FX.shippedOrder.trackingNumber);
  });

  it("answers 404 for an unknown order", async () => {
    const res = await call(h, one.GET, "/api/orders/20-ZZZZZ", { params: { orderNumber: "20-ZZZZZ" } });
    expect(res.status).toBe(404);
  });

  it("with an empty index, exports every page of the live search as CSV", async () => {
    await h.t.db.indexedOrder.deleteMany();
    const before = h.sb.sandbox.stats.count("search");
    const res = await call(h, exportRoute.GET, "/api/orders/export", {
      as: "viewer",
      query: `customerOrderNumber=${FX.multiPagePo.term}`,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("x-total-count")).toBe(String(FX.multiPagePo.count));
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^Order number,Order date,Customer PO/);
    expect(lines).toHaveLength(FX.multiPagePo.count + 1);
    expect(h.sb.sandbox.stats.count("search") - before).toBe(1);
    const sent = h.sb.sandbox.stats.requests.filter((r) => r.op === "search").at(-1)!;
    expect(sent.query).toContainEqual(["pageSize", "100"]);
  });
});

describe("writes", () => {
  it("creates an order (v6) with intent and outcome in the audit log", async () => {
    const input = orderInput({ lines: [{ ingramPartNumber: FX.inStockPartNumber, quantity: 2 }] });
    const res = await call(h, orders.POST, "/api/orders", {
      method: "POST",
      body: input,
      headers: { "idempotency-key": newKey() },
    });
    expect(res.status).toBe(201);
    const { result } = await res.json();
    expect(result.outcome).toBe("succeeded");
    expect(result.orders).toHaveLength(1);
    expect(result.lines).toEqual([
      expect.objectContaining({ ingramPartNumber: FX.inStockPartNumber, result: "accepted", quantity: 2 }),
    ]);
    const created = h.sb.sandbox.stats.requests.filter((r) => r.op === "create").at(-1)!;
    const sentBody = created.body as { additionalAttributes?: unknown[] };
    expect(sentBody.additionalAttributes).toContainEqual({
      attributeName: "allowOrderOnCustomerHold",
      attributeValue: "true",
    });
    const rows = await auditRows(h, { action: "order.create" });
    const intent = rows.find(
      (r) => (r.request as RequestJson | null)?.input?.customerOrderNumber === input.customerOrderNumber,
    )!;
    const outcome = rows.find((r) => r.intentId === intent.id)!;
    expect(outcome).toMatchObject({
      outcome: "succeeded",
      ingramStatus: 201,
      orderNumber: result.orders[0].orderNumber,
    });
  });

  it("shows a 207 line by line and records partially_succeeded", async () => {
    const input = orderInput({
      lines: [
        { ingramPartNumber: FX.inStockPartNumber, quantity: 1 },
        { ingramPartNumber: FX.unknownPartNumber, quantity: 1 },
      ],
    });
    const res = await call(h, orders.POST, "/api/orders", {
      method: "POST",
      body: input,
      headers: { "idempotency-key": newKey() },
    });
    expect(res.status).toBe(207);
    const { result } = await res.json();
    expect(result.outcome).toBe("partially_succeeded");
    const rejected = result.lines.filter((l: LineResultJson) => l.result === "rejected");
    expect(rejected).toEqual([
      expect.objectContaining({ ingramPartNumber: FX.unknownPartNumber, reason: expect.stringMatching(/SKU/) }),
    ]);
    expect(result.lines.filter((l: LineResultJson) => l.result === "accepted")).toHaveLength(1);
    const outcome = (await auditRows(h, { action: "order.create", outcome: "partially_succeeded" })).at(-1)!;
    expect(outcome.ingramStatus).toBe(207);
  });

  it("modifies, then releases a held order, auditing before and after", async () => {
    const n = FX.heldOrderNumbers[0];
    const put = await call(h, one.PUT, `/api/orders/${n}`, {
      method: "PUT",
      params: { orderNumber: n },
      body: { notes: "Deliver to dock 4", lines: [{ action: "update", ingramLineNumber: "001", quantity: 5 }] },
    });
    expect(put.status).toBe(200);
    const { result } = await put.json();
    expect(result.outcome).toBe("succeeded");
    const sent = h.sb.sandbox.stats.requests.filter((r) => r.op === "modify").at(-1)!;
    expect(sent.body).toMatchObject({
      notes: "Deliver to dock 4",
      lines: [{ addUpdateDeleteLine: "UPDATE", ingramLineNumber: "001", quantity: 5 }],
    });
    const modifies = await auditRows(h, { orderNumber: n, action: "order.modify" });
    const intent = modifies.at(-2)!;
    const outcome = modifies.at(-1)!;
    expect(intent.outcome).toBe("intent");
    expect((intent.before as { ingramOrderNumber?: string }).ingramOrderNumber).toBe(n);
    expect(outcome).toMatchObject({ outcome: "succeeded", intentId: intent.id });
    expect(
      (outcome.after as { lines: { ingramOrderLineNumber: string; quantityOrdered: number }[] }).lines.find(
        (l) => l.ingramOrderLineNumber === "001",
      )?.quantityOrdered,
    ).toBe(5);

    const rel = await call(h, release.POST, `/api/orders/${n}/release`, { method: "POST", params: { orderNumber: n } });
    expect(rel.status).toBe(200);
    expect((await rel.json()).result).toMatchObject({ outcome: "succeeded", orderNumber: n });
    expect(await auditRows(h, { orderNumber: n, action: "order.release" })).toHaveLength(2);
  });

  it("cancels a held order", async () => {
    const n = FX.heldOrderNumbers[1];
    const res = await call(h, one.DELETE, `/api/orders/${n}`, { method: "DELETE", params: { orderNumber: n } });
    expect(res.status).toBe(200);
    expect((await res.json()).result).toMatchObject({ outcome: "succeeded", orderNumber: n });
    const rows = await auditRows(h, { orderNumber: n, action: "order.cancel" });
    expect(rows.map((r) => r.outcome)).toEqual(["intent", "succeeded"]);
  });

  it("turns Ingram's 405 (not on hold) into 409 with a message, and records the failure", async () => {
    // The order reads as a customer hold, but Ingram released it between our read and the DELETE.
    const n = FX.heldOrderNumbers[2];
    h.sb.sandbox.store.getOrder(n)!.released = true;
    const res = await call(h, one.DELETE, `/api/orders/${n}`, { method: "DELETE", params: { orderNumber: n } });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe("conflict");
    expect(body.error.message).toMatch(/hold/i);
    const rows = await auditRows(h, { orderNumber: n, action: "order.cancel" });
    expect(rows.map((r) => r.outcome)).toEqual(["intent", "failed"]);
    expect(rows[1]?.ingramStatus).toBe(405);
  });

  it("refuses to modify an order that is not on hold", async () => {
    const n = FX.processingOrderNumber;
    const res = await call(h, one.PUT, `/api/orders/${n}`, {
      method: "PUT",
      params: { orderNumber: n },
      body: { notes: "x" },
    });
    // The hold rule (lib/orders/hold-rules.ts) refuses a released order before any change call reaches Ingram.
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.code).toBe("not_on_customer_hold");
    expect(error.message).toMatch(/released to Ingram's warehouse/);
  });
});
