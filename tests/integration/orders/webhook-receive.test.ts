// receiveIngramWebhook's rules against the sandbox and a real database: refusals before any write, what one
// body of several events writes and counts, which orders are re-fetched and recorded, and which v7 request a
// create result resolves (by PO, the newest still open one, keeping its result).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env.mjs";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { signEventId } from "@/lib/ingram/sandbox/webhook-sender";
import { budgetLimits } from "@/lib/ingram/call-policy";
import { PgBudget } from "@/lib/ingram-budget/pg-budget";
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

async function openRequest(
  po: string,
  status: string,
  result: object | null = null,
  more: { confirmationNumber?: string; createdAt?: Date } = {},
) {
  return h.t.db.orderRequest.create({
    data: {
      customerOrderNumber: po,
      status,
      orderNumbers: [],
      createdById: h.users.buyer!.id,
      createdByEmail: h.users.buyer!.email,
      request: {},
      ...(result ? { result } : {}),
      ...more,
    },
  });
}

const requestRow = (id: string) => h.t.db.orderRequest.findUniqueOrThrow({ where: { id } });
const uniq = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A v7 result reporting failure: no order, Ingram's errors (none: failed by the event's name alone). */
const failureEvent = (eventId: string, resource: Record<string, unknown>) => ({
  topic: "resellers/orders",
  event: "IM::failed",
  eventId,
  resource: { eventType: "IM::async_order_create", orders: [], ...resource },
});

/** The next GET of an order answers 200 with this body instead of the sandbox's order. */
const nextDetailIs = (body: object) =>
  h.sb.sandbox.faults.set({ op: "get", times: 1, kind: "status", status: 200, body });

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
    await expect(receive(two, id)).rejects.toMatchObject({
      code: "unauthenticated",
      message: "Missing or invalid webhook signature.",
    });
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

  it("a failure result settles the request its confirmation number names, under any PO, with Ingram's reasons", async () => {
    const decoy = await openRequest(uniq("DECOY"), "pending");
    const cnf = uniq("CNF");
    const named = await openRequest(uniq("PO"), "submitted", { confirmationNumber: cnf }, { confirmationNumber: cnf });
    const po = uniq("PO");
    const samePo = await openRequest(po, "pending");
    const id = newId();
    const errors = [
      {
        message: "Order can not be created",
        fields: [{ field: "lines[0].ingramPartNumber", message: "Part not found" }],
      },
    ];
    expect(await receive(failureEvent(id, { confirmationNumber: cnf, customerOrderNumber: po, errors }), id)).toEqual({
      received: 1,
      duplicates: 0,
    });
    expect(await requestRow(named.id)).toMatchObject({
      status: "failed",
      orderNumbers: [],
      result: {
        confirmationNumber: cnf,
        resolvedBy: "webhook",
        reasons: ["Order can not be created", "lines[0].ingramPartNumber: Part not found"],
        eventId: id,
      },
    });
    for (const other of [samePo, decoy]) {
      expect(await requestRow(other.id)).toMatchObject({ status: "pending", orderNumbers: [], result: null });
    }
  });

  it("a failure result with no reasons gets the default one; a settled request's confirmation number is passed over for its PO's open request", async () => {
    const po = uniq("PO");
    const cnf = uniq("CNF");
    const settled = await openRequest(po, "created", null, { confirmationNumber: cnf });
    const open = await openRequest(po, "pending");
    const id = newId();
    await receive(failureEvent(id, { confirmationNumber: cnf, customerOrderNumber: po }), id);
    expect(await requestRow(open.id)).toMatchObject({
      status: "failed",
      orderNumbers: [],
      result: {
        resolvedBy: "webhook",
        reasons: ["Ingram Micro reported that the order could not be created."],
        eventId: id,
      },
    });
    expect(await requestRow(settled.id)).toMatchObject({ status: "created", result: null });
  });

  it("a failure result that names no open request, or no PO and no confirmation number, is consumed and settles nothing", async () => {
    const bystander = await openRequest(uniq("PO"), "pending");
    const unknownPo = newId();
    expect(await receive(failureEvent(unknownPo, { customerOrderNumber: uniq("NONE") }), unknownPo)).toEqual({
      received: 1,
      duplicates: 0,
    });
    const bare = newId();
    expect(await receive(failureEvent(bare, {}), bare)).toEqual({ received: 1, duplicates: 0 });
    const created = newId();
    // A create result naming only an order Ingram does not have: no order to take a PO from.
    expect(
      await receive({ eventId: created, event: "im::created", resource: { orderNumber: "20-NOPE4" } }, created),
    ).toEqual({
      received: 1,
      duplicates: 0,
    });
    expect(await h.t.db.webhookEvent.count({ where: { eventId: { in: [unknownPo, bare, created] } } })).toBe(3);
    expect(await requestRow(bystander.id)).toMatchObject({ status: "pending", result: null });
  });

  it("a status event re-fetches its order at the webhook's priority, indexes it as seen via the webhook, and settles no request", async () => {
    const order = FX.shippedOrder.orderNumber;
    const pending = await openRequest(h.sb.sandbox.store.getOrder(order)!.customerOrderNumber!, "pending");
    await h.t.db.ingramBudgetGrant.deleteMany();
    h.sb.resetClient({ budget: new PgBudget(h.t.db, budgetLimits()) });
    const id = newId();
    try {
      await receive(
        { eventId: id, event: "im::updated", resource: [{ eventType: "im::order_shipped", orderNumber: order }] },
        id,
      );
    } finally {
      h.sb.resetClient();
    }
    const grants = await h.t.db.ingramBudgetGrant.findMany();
    expect(grants.map((g) => g.priority)).toEqual(["webhook"]);
    expect((await auditFor(id)).map((r) => [r.action, r.orderNumber])).toEqual([["webhook.order_status", order]]);
    expect(await h.t.db.indexedOrder.findFirstOrThrow({ where: { orderNumber: order } })).toMatchObject({
      lastSeenVia: "webhook",
    });
    expect(await requestRow(pending.id)).toMatchObject({ status: "pending", orderNumbers: [], result: null });
  });

  it("a create result settles its PO's request left unknown (the lost reply) as created, with no reasons", async () => {
    const order = FX.heldOrderNumbers[3]!;
    const po = h.sb.sandbox.store.getOrder(order)!.customerOrderNumber!;
    const lost = await openRequest(po, "unknown");
    const id = newId();
    await receive(
      {
        eventId: id,
        event: "im::created",
        resource: { customerOrderNumber: po, orders: [{ ingramOrderNumber: order }] },
      },
      id,
    );
    expect(await requestRow(lost.id)).toMatchObject({
      status: "created",
      orderNumbers: [order],
      result: { resolvedBy: "webhook", reasons: [], eventId: id },
    });
  });

  it("a create result passes over its PO's newer settled request for the older open one", async () => {
    const order = FX.heldOrderNumbers[4]!;
    const po = h.sb.sandbox.store.getOrder(order)!.customerOrderNumber!;
    const now = Date.now();
    const open = await openRequest(po, "pending", null, { createdAt: new Date(now - 2000) });
    const settled = await openRequest(po, "failed", null, { createdAt: new Date(now - 1000) });
    const id = newId();
    await receive({ eventId: id, event: "im::created", resource: { orders: [{ ingramOrderNumber: order }] } }, id);
    expect(await requestRow(open.id)).toMatchObject({ status: "created", orderNumbers: [order] });
    expect(await requestRow(settled.id)).toMatchObject({ status: "failed", orderNumbers: [], result: null });
  });

  it("a create result is confirmed only by a re-fetched order with both its PO and an order number", async () => {
    const po = uniq("PO");
    const cnf = uniq("CNF");
    const pending = await openRequest(po, "pending", null, { confirmationNumber: cnf });
    // Ingram's order carries no order number.
    nextDetailIs({ customerOrderNumber: po, orderStatus: "Processing" });
    const noNumber = newId();
    expect(
      await receive(
        { eventId: noNumber, event: "im::created", resource: { customerOrderNumber: po, orderNumber: "20-ODD01" } },
        noNumber,
      ),
    ).toEqual({ received: 1, duplicates: 0 });
    // Neither the body nor Ingram's order names a PO: the confirmation number alone does not settle it.
    nextDetailIs({ ingramOrderNumber: "20-ODD02", customerOrderNumber: null, orderStatus: "Processing" });
    const noPo = newId();
    expect(
      await receive(
        { eventId: noPo, event: "im::created", resource: { confirmationNumber: cnf, orderNumber: "20-ODD02" } },
        noPo,
      ),
    ).toEqual({ received: 1, duplicates: 0 });
    expect(await requestRow(pending.id)).toMatchObject({ status: "pending", orderNumbers: [], result: null });
  });
});
