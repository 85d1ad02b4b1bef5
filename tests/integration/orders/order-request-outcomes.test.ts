import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as requestOne from "@/app/api/order-requests/[id]/route";
import * as requests from "@/app/api/order-requests/route";
import * as webhook from "@/app/api/webhooks/ingram/route";
import { findOrphanedIntents } from "@/lib/audit/reconcile";
import { env } from "@/lib/env.mjs";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { signEventId } from "@/lib/ingram/sandbox/webhook-sender";
import { NEVER_CONFIRMED, resolveStaleOrderRequests, settleOrderRequest } from "@/lib/orders/order-request-outcome";
import { ORIGIN, call, newKey, orderInput, useOrdersHarness } from "./harness";

// v7 order requests end in a final state: the result webhook (created, or failed with Ingram's reasons), or,
// when none comes, a search by PO after the timeout. Each request's audit intent gets exactly one outcome.

const SECRET = env.ingram.webhookSecret!;
/** POs starting with this never get their result webhook: the receiver drops it, as a lost delivery would. */
const LOST = "LOST";
let receiver: Server;
let receiverUrl = "";

beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (body.toString().includes(`"customerOrderNumber":"${LOST}`)) {
      res.writeHead(200).end();
      return;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
    const r = await webhook.POST(new Request(`${ORIGIN}/api/webhooks/ingram`, { method: "POST", headers, body }), {
      params: Promise.resolve({}),
    });
    res.writeHead(r.status, { "content-type": "application/json" }).end(await r.text());
  });
  await new Promise<void>((ok) => receiver.listen(0, "127.0.0.1", ok));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/ingram`;
});
afterAll(() => new Promise<void>((ok) => receiver.close(() => ok())));

const h = useOrdersHarness(() => ({ webhookUrl: receiverUrl, webhookSecret: SECRET, webhookDelayMs: 100 }));

const waitFor = async (cond: () => Promise<boolean> | boolean, ms = 8000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
};

const po = (prefix = "V7") => `${prefix}-${newKey().slice(-8)}`.slice(0, 18);

async function submit(
  customerOrderNumber: string,
  lines: { ingramPartNumber: string; quantity: number }[] = [{ ingramPartNumber: FX.inStockPartNumber, quantity: 1 }],
) {
  const res = await call(h, requests.POST, "/api/order-requests", {
    method: "POST",
    body: orderInput({ customerOrderNumber, lines }),
    headers: { "idempotency-key": newKey() },
  });
  expect(res.status).toBe(202);
  const { request } = await res.json();
  expect(request.status).toBe("pending");
  return request.id as string;
}

const view = async (id: string) =>
  (await (await call(h, requestOne.GET, "/api/order-requests/x", { as: "viewer", params: { id } })).json()).request;

/** The request's intent and every event that closes or corrects it. */
async function auditOf(id: string) {
  const row = await h.t.db.orderRequest.findUniqueOrThrow({ where: { id } });
  expect(row.intentId).toBeTruthy();
  const intent = await h.t.db.auditEvent.findUniqueOrThrow({ where: { id: row.intentId! } });
  const closing = await h.t.db.auditEvent.findMany({ where: { intentId: intent.id }, orderBy: { seq: "asc" } });
  return { intent, closing };
}

const sandboxOrdersFor = (customerOrderNumber: string) =>
  h.sb.sandbox.store.listOrders().filter((o) => o.customerOrderNumber === customerOrderNumber);

describe("v7 order request outcomes", () => {
  it("a failure webhook (unknown SKU) ends the request as failed with Ingram's reasons, audited as its outcome", async () => {
    const id = await submit(po(), [{ ingramPartNumber: FX.unknownPartNumber, quantity: 1 }]);
    const open = await auditOf(id);
    expect(open.intent).toMatchObject({ action: "order.create_async", outcome: "intent" });
    expect(await waitFor(async () => (await view(id)).status === "failed")).toBe(true);
    const done = await view(id);
    expect(done).toMatchObject({ status: "failed", orderNumbers: [], resolvedBy: "webhook" });
    expect(done.reasons.join(" | ")).toMatch(new RegExp(`ingramPartNumber: .*${FX.unknownPartNumber}`));
    // The request's move and its outcome commit together: a final request has its outcome already.
    const { closing } = await auditOf(id);
    expect(closing).toHaveLength(1);
    expect(closing[0]).toMatchObject({ outcome: "failed", outcomeOf: open.intent.id, corrects: null });
    expect(JSON.stringify(closing[0]!.ingramErrors)).toContain(FX.unknownPartNumber);
  });

  it("a failure's reasons are redacted before they are stored, shown or audited; a replay changes nothing", async () => {
    const customerOrderNumber = po(LOST);
    const id = await submit(customerOrderNumber, [{ ingramPartNumber: FX.unknownPartNumber, quantity: 1 }]);
    const { confirmationNumber } = await view(id);
    const eventId = `FAIL${newKey()
      .replace(/[^A-Za-z0-9]/g, "")
      .slice(-12)}`;
    const secret = "s3cr3t-" + "k".repeat(40);
    const event = [
      {
        topic: "resellers/orders",
        event: "IM::failed",
        eventId,
        resource: {
          eventType: "IM::async_order_create",
          confirmationNumber,
          customerOrderNumber,
          orders: [],
          errors: [
            {
              message: `Order can not be created; Authorization: Bearer ${secret}`,
              fields: [{ field: "lines[0].ingramPartNumber", message: "Part not found\nat Foo.bar (x.java:12)" }],
            },
          ],
        },
      },
    ];
    const send = () =>
      call(h, webhook.POST, "/api/webhooks/ingram", {
        method: "POST",
        as: "anonymous",
        raw: JSON.stringify(event),
        headers: { origin: "", "x-hub-signature": signEventId(SECRET, eventId) },
      });
    expect((await send()).status).toBe(200);
    const done = await view(id);
    expect(done).toMatchObject({ status: "failed", resolvedBy: "webhook" });
    expect(done.reasons[0]).toMatch(/^Order can not be created; Authorization: .*\[redacted\]$/);
    expect(done.reasons[0]).not.toContain(secret);
    expect(done.reasons[1]).toBe("lines[0].ingramPartNumber: Part not found");
    const { closing } = await auditOf(id);
    expect(closing.map((e) => e.outcome)).toEqual(["failed"]);
    expect(JSON.stringify({ ...closing[0], seq: null })).not.toContain(secret);
    expect(JSON.stringify(await h.t.db.orderRequest.findUnique({ where: { id } }))).not.toContain(secret);
    expect((await send()).status).toBe(200);
    expect((await auditOf(id)).closing).toHaveLength(1);
  });

  it("a success webhook ends it as created with the order numbers, audited as its one outcome", async () => {
    const customerOrderNumber = po();
    const id = await submit(customerOrderNumber);
    expect(await waitFor(async () => (await view(id)).status === "created")).toBe(true);
    const done = await view(id);
    expect(done.resolvedBy).toBe("webhook");
    expect(done.orderNumbers).toEqual(sandboxOrdersFor(customerOrderNumber).map((o) => o.ingramOrderNumber));
    // The webhook arrives on its own; the request seen final already has its one outcome (one transaction).
    const { closing } = await auditOf(id);
    expect(closing.map((e) => [e.outcome, e.orderNumber])).toEqual([["succeeded", done.orderNumbers[0]]]);
  });

  it("no webhook, order created at Ingram: after the timeout a search by PO finds it → created", async () => {
    const customerOrderNumber = po(LOST);
    const id = await submit(customerOrderNumber);
    expect(await waitFor(() => sandboxOrdersFor(customerOrderNumber).length === 1)).toBe(true);
    // Until Ingram's result arrives (none will) the intent stays open, and no reconciler may close it.
    const { intent } = await auditOf(id);
    expect(intent.outcome).toBe("intent");
    expect((await findOrphanedIntents(h.t.db, { olderThanMs: 0, ownersGone: true })).map((i) => i.id)).not.toContain(
      intent.id,
    );
    // Not yet past the configured timeout: nothing is searched or settled.
    const searches = h.sb.sandbox.stats.count("search");
    expect(await resolveStaleOrderRequests({ ids: [id] })).toBe(0);
    expect(h.sb.sandbox.stats.count("search")).toBe(searches);
    expect((await view(id)).status).toBe("pending");

    expect(await resolveStaleOrderRequests({ ids: [id], olderThanSeconds: 0, claimSeconds: 0 })).toBe(1);
    expect(h.sb.sandbox.stats.count("search")).toBe(searches + 1);
    const done = await view(id);
    expect(done).toMatchObject({ status: "created", resolvedBy: "search", reasons: [] });
    expect(done.orderNumbers).toEqual([sandboxOrdersFor(customerOrderNumber)[0]!.ingramOrderNumber]);
    const { closing } = await auditOf(id);
    expect(closing.map((e) => e.outcome)).toEqual(["succeeded"]);
    expect(closing[0]!.after).toMatchObject({ resolvedBy: "search", orderNumbers: done.orderNumbers });
  });

  it("no webhook, nothing at Ingram: reading the request past its timeout searches and ends it failed", async () => {
    const customerOrderNumber = po(LOST);
    const id = await submit(customerOrderNumber, [{ ingramPartNumber: FX.unknownPartNumber, quantity: 1 }]);
    // Let the sandbox process (and refuse) it, then age the request past ORDER_REQUEST_PENDING_SECONDS.
    expect(await waitFor(() => h.sb.sandbox.stats.requests.some((r) => r.op === "createV7"))).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(sandboxOrdersFor(customerOrderNumber)).toHaveLength(0);
    const old = new Date(Date.now() - (env.orderRequestPendingSeconds + 60) * 1000);
    await h.t.db.orderRequest.update({ where: { id }, data: { createdAt: old, updatedAt: old } });

    const done = await view(id);
    expect(done).toMatchObject({
      status: "failed",
      resolvedBy: "search",
      reasons: [NEVER_CONFIRMED],
      orderNumbers: [],
    });
    const { closing } = await auditOf(id);
    expect(closing.map((e) => e.outcome)).toEqual(["failed"]);
    expect(closing[0]!.ingramErrors).toEqual([{ message: NEVER_CONFIRMED }]);
  });

  it("two instances and a reader resolving the same request at once → one final state, one outcome", async () => {
    const customerOrderNumber = po(LOST);
    const id = await submit(customerOrderNumber);
    expect(await waitFor(() => sandboxOrdersFor(customerOrderNumber).length === 1)).toBe(true);
    const old = new Date(Date.now() - (env.orderRequestPendingSeconds + 60) * 1000);
    await h.t.db.orderRequest.update({ where: { id }, data: { createdAt: old, updatedAt: old } });

    // claimSeconds 0: neither instance is kept from searching, so only the conditional settle keeps it to one.
    const settled = await Promise.all([
      resolveStaleOrderRequests({ ids: [id], claimSeconds: 0 }),
      resolveStaleOrderRequests({ ids: [id], claimSeconds: 0 }),
      view(id),
    ]);
    expect(settled[0] + settled[1]).toBeLessThanOrEqual(1);
    expect((await view(id)).status).toBe("created");
    const { closing } = await auditOf(id);
    expect(closing).toHaveLength(1);
    expect(closing[0]!.outcome).toBe("succeeded");
    // A later pass finds nothing left to do.
    expect(await resolveStaleOrderRequests({ ids: [id], olderThanSeconds: 0, claimSeconds: 0 })).toBe(0);
  });

  it("the request's final state and its outcome commit together: a refused outcome leaves the request open", async () => {
    const id = await submit(po(LOST));
    const open = await auditOf(id);
    // The database refuses the outcome's insert (as a constraint or a lost connection mid-transaction would).
    await h.t.db.$executeRawUnsafe(`CREATE FUNCTION refuse_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.intent_id = '${open.intent.id}' THEN RAISE EXCEPTION 'outcome refused'; END IF; RETURN NEW; END $$`);
    await h.t.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_outcome BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_outcome()`,
    );
    const final = { status: "failed" as const, orderNumbers: [], reasons: ["refused"], resolvedBy: "webhook" as const };
    try {
      await expect(settleOrderRequest(id, final)).rejects.toThrow(/outcome refused/);
    } finally {
      await h.t.db.$executeRawUnsafe(`DROP TRIGGER refuse_outcome ON audit_events`);
      await h.t.db.$executeRawUnsafe(`DROP FUNCTION refuse_outcome()`);
    }
    expect((await h.t.db.orderRequest.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    expect((await auditOf(id)).closing).toHaveLength(0);

    // Settled again once the database takes it: both written, once.
    expect(await settleOrderRequest(id, final)).toBe(true);
    expect(await settleOrderRequest(id, final)).toBe(false);
    expect((await view(id)).status).toBe("failed");
    const { closing } = await auditOf(id);
    expect(closing.map((e) => [e.outcome, e.outcomeOf])).toEqual([["failed", open.intent.id]]);
  });
});
