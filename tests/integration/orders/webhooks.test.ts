import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as requestOne from "@/app/api/order-requests/[id]/route";
import * as requests from "@/app/api/order-requests/route";
import * as webhook from "@/app/api/webhooks/ingram/route";
import { env } from "@/lib/env.mjs";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { signEventId } from "@/lib/ingram/sandbox/webhook-sender";
import { callRoute } from "@/tests/support/request-scope";
import { ORIGIN, call, newKey, orderInput, useOrdersHarness } from "./harness";

const SECRET = env.ingram.webhookSecret!;
let receiver: Server;
let receiverUrl = "";
let received = 0;

// Stands in for Next: the sandbox POSTs here and the request is handed to the route handler unchanged.
beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
    const r = await webhook.POST(
      new Request(`${ORIGIN}/api/webhooks/ingram`, { method: "POST", headers, body: Buffer.concat(chunks) }),
      { params: Promise.resolve({}) },
    );
    received++;
    res.writeHead(r.status, { "content-type": "application/json" });
    res.end(await r.text());
  });
  await new Promise<void>((ok) => receiver.listen(0, "127.0.0.1", ok));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/ingram`;
});
afterAll(() => new Promise<void>((ok) => receiver.close(() => ok())));

const h = useOrdersHarness(() => ({ webhookUrl: receiverUrl, webhookSecret: SECRET, webhookDelayMs: 100 }));

function statusEvent(eventId: string, orderNumber: string, extra: Record<string, unknown> = {}) {
  return {
    topic: "resellers/orders",
    event: "im::updated",
    evenTtimeStamp: "2024-04-23T15:03:11.267Z",
    eventId,
    resource: [{ eventType: "im::order_shipped", orderNumber, ...extra }],
  };
}

const post = (body: unknown, signature?: string) =>
  call(h, webhook.POST, "/api/webhooks/ingram", {
    method: "POST",
    as: "anonymous",
    raw: JSON.stringify(body),
    headers: { origin: "", ...(signature ? { "x-hub-signature": signature } : {}) },
  });

async function writes() {
  return { events: await h.t.db.webhookEvent.count(), audit: await h.t.db.auditEvent.count() };
}

const waitFor = async (cond: () => Promise<boolean>, ms = 8000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
};

describe("POST /api/webhooks/ingram", () => {
  it("no signature → 401 and 0 writes", async () => {
    const before = await writes();
    const res = await post(statusEvent("NOSIG0000000000001", FX.shippedOrder.orderNumber));
    expect(res.status).toBe(401);
    expect(await writes()).toEqual(before);
  });

  it("an empty x-hub-signature → 401 and 0 writes", async () => {
    const before = await writes();
    // Sent as is: the harness's call() drops empty headers.
    const res = await callRoute(
      webhook.POST,
      new Request(`${ORIGIN}/api/webhooks/ingram`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature": "" },
        body: JSON.stringify(statusEvent("EMPTYSIG0000000001", FX.shippedOrder.orderNumber)),
      }),
    );
    expect(res.status).toBe(401);
    expect(await writes()).toEqual(before);
  });

  it("a batch is accepted only if the signature holds for every event in it → 401 and 0 writes", async () => {
    const before = await writes();
    const signed = statusEvent("BATCH0000000000001", FX.shippedOrder.orderNumber);
    const unsigned = statusEvent("BATCH0000000000002", FX.shippedOrder.orderNumber);
    for (const batch of [
      [signed, unsigned],
      [unsigned, signed],
    ]) {
      expect((await post(batch, signEventId(SECRET, signed.eventId))).status).toBe(401);
    }
    expect(await writes()).toEqual(before);
    expect(await h.t.db.webhookEvent.count({ where: { eventId: { in: [signed.eventId, unsigned.eventId] } } })).toBe(0);
  });

  it("bad signature → 401 and 0 writes (also a signature for another event id)", async () => {
    const before = await writes();
    expect(
      (await post(statusEvent("BADSIG000000000001", FX.shippedOrder.orderNumber), "bm90IGEgc2lnbmF0dXJl")).status,
    ).toBe(401);
    expect(
      (await post(statusEvent("BADSIG000000000002", FX.shippedOrder.orderNumber), signEventId(SECRET, "OTHER"))).status,
    ).toBe(401);
    expect(
      (
        await post(
          statusEvent("BADSIG000000000003", FX.shippedOrder.orderNumber),
          signEventId("wrong-secret", "BADSIG000000000003"),
        )
      ).status,
    ).toBe(401);
    expect(await writes()).toEqual(before);
  });

  it("valid signature with an altered body: what is stored is the re-fetched order, not the body", async () => {
    const n = FX.heldOrderNumbers[0];
    const id = "ALTERED00000000001";
    const forged = statusEvent(id, n, {
      lines: [{ lineStatus: "Delivered", shippedQuantity: "999" }],
      orderStatus: "Delivered",
    });
    const res = await post(forged, signEventId(SECRET, id));
    expect(res.status).toBe(200);
    const event = await h.t.db.auditEvent.findFirstOrThrow({
      where: { action: "webhook.order_status", orderNumber: n },
    });
    const fresh = await h.sb.client.getOrder(n, {}, { correlationId: "b".repeat(32) });
    expect(event.after).toEqual(JSON.parse(JSON.stringify(fresh.data)));
    expect(JSON.stringify(event.after)).not.toMatch(/999|Delivered/);
    expect((event.request as { eventId?: string }).eventId).toBe(id);
  });

  it("replay × 10 → 1 WebhookEvent row and 1 audit event", async () => {
    const id = "REPLAY000000000001";
    const body = [statusEvent(id, FX.shippedOrder.orderNumber)];
    const results = await Promise.all(Array.from({ length: 10 }, () => post(body, signEventId(SECRET, id))));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await h.t.db.webhookEvent.count({ where: { eventId: id } })).toBe(1);
    const audit = await h.t.db.auditEvent.findMany({
      where: { action: "webhook.order_status", orderNumber: FX.shippedOrder.orderNumber },
    });
    expect(audit.filter((a) => (a.request as { eventId?: string }).eventId === id)).toHaveLength(1);
  });

  it("reads keys case-insensitively and an event naming an unknown order records nothing for it", async () => {
    const id = "CASEKEYS0000000001";
    const res = await post(
      {
        EVENTID: id,
        Topic: "resellers/orders",
        eventtimestamp: "2024-04-23T15:03:11.267Z",
        Resource: { OrderNumber: "20-NOPE1" },
      },
      signEventId(SECRET, id),
    );
    expect(res.status).toBe(200);
    expect(await h.t.db.webhookEvent.findUnique({ where: { eventId: id } })).toMatchObject({ orderNumber: "20-NOPE1" });
    expect(await h.t.db.auditEvent.count({ where: { orderNumber: "20-NOPE1" } })).toBe(0);
  });

  it("a v7 order request resolves to created when the sandbox's result webhook arrives", async () => {
    const po = `V7-${newKey().slice(-8)}`;
    const res = await call(h, requests.POST, "/api/order-requests", {
      method: "POST",
      body: orderInput({ customerOrderNumber: po }),
      headers: { "idempotency-key": newKey() },
    });
    expect(res.status).toBe(202);
    const { request } = await res.json();
    expect(request).toMatchObject({
      status: "pending",
      customerOrderNumber: po,
      confirmationNumber: expect.any(String),
    });
    expect(res.headers.get("location")).toBe(`/api/order-requests/${request.id}`);
    // The acknowledgement leaves the request's intent open: its outcome is Ingram's result.
    const row = await h.t.db.orderRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(await h.t.db.auditEvent.findUnique({ where: { id: row.intentId! } })).toMatchObject({
      action: "order.create_async",
      outcome: "intent",
    });

    const state = async () =>
      (
        await (
          await call(h, requestOne.GET, "/api/order-requests/x", { as: "viewer", params: { id: request.id } })
        ).json()
      ).request;
    expect(await waitFor(async () => (await state()).status === "created")).toBe(true);
    const done = await state();
    // One order with one line (orderInput): Ingram splits an order only across warehouses.
    expect(done.orderNumbers).toHaveLength(1);
    for (const n of done.orderNumbers) expect(h.sb.sandbox.store.getOrder(n)?.customerOrderNumber).toBe(po);
    // The settling instance writes the outcome right after the request's state (order-request-outcome.ts).
    const outcomes = () => h.t.db.auditEvent.findMany({ where: { intentId: row.intentId } });
    expect(await waitFor(async () => (await outcomes()).length > 0)).toBe(true);
    expect((await outcomes()).map((e) => [e.outcome, e.orderNumber])).toEqual([["succeeded", done.orderNumbers[0]]]);
    expect(
      await h.t.db.auditEvent.count({ where: { action: "webhook.order_created", orderNumber: done.orderNumbers[0] } }),
    ).toBe(1);
  });

  it("a status event from the sandbox is verified, re-fetched and recorded", async () => {
    const n = FX.backorderedOrderNumber;
    const before = received;
    await h.sb.sandbox.emitStatusEvent(n, "im::order_shipped");
    expect(
      await waitFor(
        async () =>
          (await h.t.db.auditEvent.count({ where: { action: "webhook.order_status", orderNumber: n } })) === 1,
      ),
    ).toBe(true);
    expect(received).toBeGreaterThan(before);
  });
});
