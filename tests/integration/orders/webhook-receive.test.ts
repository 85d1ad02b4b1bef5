// receiveIngramWebhook's rules against the sandbox and a real database: refusals before any write, what one
// body of several events writes and counts, which orders are re-fetched and recorded, and which v7 request a
// create result resolves (by PO, the newest still open one, keeping its result).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env.mjs";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { signEventId } from "@/lib/ingram/sandbox/webhook-sender";
import { receiveIngramWebhook } from "@/lib/orders/receive-ingram-webhook";
import { useOrdersHarness } from "./harness";

const SECRET = env.ingram.webhookSecret!;
const h = useOrdersHarness(() => ({ webhookSecret: SECRET }));

let n = 0;
const newId = () => `RCV${Date.now().toString(36)}${++n}`.toUpperCase();

const receive = (body: unknown, id: string, secret = SECRET) =>
  receiveIngramWebhook(JSON.stringify(body), signEventId(SECRET, id), "c".repeat(32), secret);

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code,
  );

const auditFor = (eventId: string) =>
  h.t.db.auditEvent
    .findMany({ where: { action: { startsWith: "webhook." } }, orderBy: { seq: "asc" } })
    .then((rows) => rows.filter((r) => (r.request as { eventId?: string }).eventId === eventId));

async function openRequest(po: string, status: string, result: object | null = null) {
  return h.t.db.orderRequest.create({
    data: {
      customerOrderNumber: po,
      status,
      orderNumbers: [],
      createdById: h.users.buyer!.id,
      createdByEmail: h.users.buyer!.email,
      request: {},
      ...(result ? { result } : {}),
    },
  });
}

describe("receiveIngramWebhook", () => {
  it("refuses a body that is not JSON or has no event, before any write", async () => {
    const before = await h.t.db.webhookEvent.count();
    const bad = (raw: string) => receiveIngramWebhook(raw, signEventId(SECRET, "X"), "c".repeat(32), SECRET);
    await expect(bad("{not json")).rejects.toMatchObject({
      code: "bad_request",
      message: "The webhook body is not valid JSON.",
    });
    await expect(bad("[]")).rejects.toMatchObject({
      code: "bad_request",
      message: "The webhook body has no event with an eventId.",
    });
    expect(await h.t.db.webhookEvent.count()).toBe(before);
  });

  it("needs every event signed, and a configured secret", async () => {
    const id = newId();
    const other = newId();
    const before = await h.t.db.webhookEvent.count();
    const two = [{ eventId: id }, { eventId: other }];
    expect(await codeOf(receive(two, id))).toBe("unauthenticated");
    expect(await codeOf(receive([{ eventId: other }, { eventId: id }], id))).toBe("unauthenticated");
    expect(await codeOf(receive({ eventId: id }, id, ""))).toBe("unauthenticated");
    expect(await h.t.db.webhookEvent.count()).toBe(before);
  });

  it("counts events and duplicates in one body, and stores the event's fields and first order", async () => {
    const id = newId();
    const event = {
      eventId: id,
      topic: "resellers/orders",
      event: "im::updated",
      eventTimeStamp: "2024-04-23T15:03:11.267Z",
      resource: [
        { eventType: "im::order_shipped", orderNumber: FX.shippedOrder.orderNumber },
        { orderNumber: "20-NOPE2" },
      ],
    };
    expect(await receive([event, event], id)).toEqual({ received: 2, duplicates: 1 });
    expect(await receive(event, id)).toEqual({ received: 1, duplicates: 1 });
    expect(await h.t.db.webhookEvent.findUnique({ where: { eventId: id } })).toMatchObject({
      topic: "resellers/orders",
      event: "im::updated",
      eventType: "im::order_shipped",
      orderNumber: FX.shippedOrder.orderNumber,
    });
    const recorded = await auditFor(id);
    expect(recorded.map((r) => [r.action, r.orderNumber, r.outcome, r.actorId])).toEqual([
      ["webhook.order_status", FX.shippedOrder.orderNumber, "succeeded", null],
    ]);
    expect(recorded[0]!.request).toEqual({
      eventId: id,
      event: "im::updated",
      eventType: "im::order_shipped",
      eventTimeStamp: "2024-04-23T15:03:11.267Z",
    });
  });

  it("stores no order number for an event that names none, and never asks Ingram about a malformed one", async () => {
    const id = newId();
    const gets = h.sb.sandbox.stats.count("get");
    expect(await receive({ eventId: id, resource: { orderNumber: "not an order/../x" } }, id)).toEqual({
      received: 1,
      duplicates: 0,
    });
    expect(h.sb.sandbox.stats.count("get")).toBe(gets);
    expect(await auditFor(id)).toEqual([]);
    const bare = newId();
    await receive({ eventId: bare }, bare);
    expect(await h.t.db.webhookEvent.findUnique({ where: { eventId: bare } })).toMatchObject({ orderNumber: null });
  });

  it("a create result resolves the newest open request for its PO and keeps that request's result", async () => {
    const order = FX.heldOrderNumbers[1]!;
    const po = h.sb.sandbox.store.getOrder(order)!.customerOrderNumber!;
    const older = await openRequest(po, "pending");
    const done = await openRequest(po, "created");
    const newest = await openRequest(po, "submitted", { confirmationNumber: "CNF-1" });
    const other = await openRequest(`OTHER-${randomUUID().slice(0, 8)}`, "pending");
    const id = newId();
    await receive(
      {
        eventId: id,
        event: "im::created",
        resource: { orders: [{ ingramOrderNumber: order }, { ingramOrderNumber: "20-NOPE3" }] },
      },
      id,
    );
    const rows = await h.t.db.orderRequest.findMany({
      where: { id: { in: [older.id, done.id, newest.id, other.id] } },
    });
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[newest.id]).toMatchObject({
      status: "created",
      orderNumbers: [order],
      result: { confirmationNumber: "CNF-1", eventId: id },
    });
    expect(byId[older.id]).toMatchObject({ status: "pending", orderNumbers: [] });
    expect(byId[done.id]).toMatchObject({ status: "created", orderNumbers: [] });
    expect(byId[other.id]).toMatchObject({ status: "pending", orderNumbers: [] });
    expect((await auditFor(id)).map((r) => [r.action, r.orderNumber])).toEqual([["webhook.order_created", order]]);
  });

  it("a create result names its PO; orders of another PO are not taken as its result", async () => {
    const order = FX.heldOrderNumbers[2]!;
    const po = `PO-${randomUUID().slice(0, 8)}`;
    const req = await openRequest(po, "unknown");
    const id = newId();
    await receive(
      { eventId: id, eventType: "IM::async_order_create", resource: { customerOrderNumber: po, orderNumber: order } },
      id,
    );
    expect(await h.t.db.orderRequest.findUnique({ where: { id: req.id } })).toMatchObject({
      status: "unknown",
      orderNumbers: [],
    });
    const failed = await openRequest(h.sb.sandbox.store.getOrder(order)!.customerOrderNumber!, "failed");
    const id2 = newId();
    await receive({ eventId: id2, event: "created", resource: { orderNumber: order } }, id2);
    expect(await h.t.db.orderRequest.findUnique({ where: { id: failed.id } })).toMatchObject({ status: "failed" });
  });
});
