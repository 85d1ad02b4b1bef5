import { describe, expect, it } from "vitest";
import * as one from "@/app/api/orders/[orderNumber]/route";
import * as release from "@/app/api/orders/[orderNumber]/release/route";
import * as requestOne from "@/app/api/order-requests/[id]/route";
import * as requests from "@/app/api/order-requests/route";
import { env } from "@/lib/env.mjs";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { auditRows, call, newKey, orderInput, postOrder, useOrdersHarness } from "./harness";

// What each change use case records and answers beyond the happy path: the intent's request as sent, the outcome of
// a refusal and of a reply that never came, the message a person reads, and the v7 request's own states (refused at
// the acknowledgement, lost, listed, looked up). Webhooks are held back (60 s) so v7 requests stay pending here.

const h = useOrdersHarness({ webhookDelayMs: 60_000 });

const intentOf = async (action: string, orderNumber: string) =>
  (await auditRows(h, { action, orderNumber, outcome: "intent" })).at(-1)!;
const closing = async (intentId: string) => auditRows(h, { intentId });
/** A v6 create's intent, found by the customer PO it was sent with (it names no order yet). */
const createIntentFor = async (customerOrderNumber: string) =>
  (await auditRows(h, { action: "order.create", outcome: "intent" })).find(
    (r) => (r.request as { input: { customerOrderNumber: string } }).input.customerOrderNumber === customerOrderNumber,
  )!;

const postV7 = (body: unknown, key = newKey(), as: "buyer" | "admin" = "buyer") =>
  call(h, requests.POST, "/api/order-requests", { as, method: "POST", body, headers: { "idempotency-key": key } });
const viewRequest = (id: string) => call(h, requestOne.GET, "/api/order-requests/x", { as: "viewer", params: { id } });

/** A fresh order on customer hold (created through the v6 API): changeable, releasable, cancellable. */
async function heldOrder(): Promise<string> {
  const res = await postOrder(h, orderInput());
  expect(res.status).toBe(201);
  const n: string = (await res.json()).result.orders[0].orderNumber;
  // Each new order is in the order index at once, read back from Ingram as a change's write-through.
  expect(await h.t.db.indexedOrder.findFirst({ where: { orderNumber: n }, select: { lastSeenVia: true } })).toEqual({
    lastSeenVia: "change",
  });
  return n;
}

const releaseIt = (n: string) =>
  call(h, release.POST, "/api/orders/x/release", { method: "POST", params: { orderNumber: n } });
const modifyIt = (n: string, body: unknown = { notes: "late" }) =>
  call(h, one.PUT, "/api/orders/x", { method: "PUT", body, params: { orderNumber: n } });

describe("release, cancel and modify: what is recorded and answered", () => {
  it("a release records its action code and the order after it, answers in plain words, and audits succeeded", async () => {
    const n = FX.heldOrderNumbers[0];
    const res = await releaseIt(n);
    expect(res.status).toBe(200);
    expect((await res.json()).result).toEqual({
      outcome: "succeeded",
      orderNumber: n,
      message: `Order ${n} released to the warehouse.`,
    });
    const intent = await intentOf("order.release", n);
    expect(intent.request).toEqual({ actionCode: "release" });
    const [outcome] = await closing(intent.id);
    expect(outcome).toMatchObject({ outcome: "succeeded", ingramStatus: 200 });
    // The order as re-read after the change (its details), not Ingram's reply to the release.
    expect(outcome!.after).toMatchObject({ ingramOrderNumber: n });
    expect(outcome!.after).not.toHaveProperty("changeDescription");
  });

  it("a release whose re-read fails keeps Ingram's reply to it in the audit", async () => {
    const n = await heldOrder();
    // The details read before the change passes; the re-read after it is refused.
    h.sb.sandbox.faults.set({ op: "get", times: 1, kind: "latency", ms: 0 });
    h.sb.sandbox.faults.set({ op: "get", times: 1, kind: "status", status: 404 });
    const res = await releaseIt(n);
    h.sb.sandbox.faults.clear();
    expect(res.status).toBe(200);
    const [outcome] = await closing((await intentOf("order.release", n)).id);
    expect(outcome!.outcome).toBe("succeeded");
    expect(outcome!.after).toMatchObject({ ingramOrderNumber: n, changeDescription: "Order released" });
  });

  it("a cancel records what it asked and answers in plain words", async () => {
    const n = FX.heldOrderNumbers[1];
    const res = await call(h, one.DELETE, "/api/orders/x", { method: "DELETE", params: { orderNumber: n } });
    expect(res.status).toBe(200);
    expect((await res.json()).result).toMatchObject({ outcome: "succeeded", message: `Order ${n} cancelled.` });
    const intent = await intentOf("order.cancel", n);
    expect(intent.request).toEqual({ cancel: true });
    expect((await closing(intent.id)).map((e) => e.outcome)).toEqual(["succeeded"]);
  });

  it("a modify records its input and the body sent to Ingram", async () => {
    const n = FX.heldOrderNumbers[2];
    const input = { notes: "Deliver to the side entrance" };
    const res = await modifyIt(n, input);
    expect(res.status).toBe(200);
    const intent = await intentOf("order.modify", n);
    const request = intent.request as { input: unknown; ingramRequest: { notes?: string } };
    expect(request.input).toMatchObject(input);
    expect(request.ingramRequest.notes).toBe(input.notes);
  });

  it("a cancel whose reply never comes names the cancellation in its 504", async () => {
    const n = await heldOrder();
    h.sb.sandbox.faults.set({ op: "cancel", times: 1, kind: "commitThenHang", ms: 4500 });
    const res = await call(h, one.DELETE, "/api/orders/x", { method: "DELETE", params: { orderNumber: n } });
    expect(res.status).toBe(504);
    expect((await res.json()).error.message).toContain(`did not confirm the cancellation of order ${n} in time`);
  });

  for (const [label, op, send] of [
    ["release", "release", releaseIt],
    ["modify", "modify", modifyIt],
  ] as const) {
    it(`a ${label} Ingram refuses is answered as a refusal and audited failed with Ingram's status`, async () => {
      const n = await heldOrder();
      h.sb.sandbox.faults.set({ op, times: 1, kind: "status", status: 400, body: { errors: [{ message: "nope" }] } });
      const res = await send(n);
      h.sb.sandbox.faults.clear();
      expect(res.status).toBe(422);
      const intent = await intentOf(`order.${label}`, n);
      const outcomes = await closing(intent.id);
      expect(outcomes.map((e) => [e.outcome, e.ingramStatus])).toEqual([["failed", 400]]);
      // Ingram's own reasons, not a placeholder.
      expect(JSON.stringify(outcomes[0]!.ingramErrors)).toContain("nope");
    });

    it(`a ${label} whose reply never comes is answered 504, names the change, and is audited unknown`, async () => {
      const n = await heldOrder();
      h.sb.sandbox.faults.set({ op, times: 1, kind: "commitThenHang", ms: 4500 });
      const res = await send(n);
      expect(res.status).toBe(504);
      const what = label === "release" ? `release of order ${n}` : `change of order ${n}`;
      expect((await res.json()).error.message).toContain(`did not confirm the ${what} in time`);
      const intent = await intentOf(`order.${label}`, n);
      expect((await closing(intent.id)).map((e) => e.outcome)).toEqual(["unknown"]);
    });
  }
});

describe("a v6 create whose reply is lost", () => {
  it("counts only the order under exactly its PO, not one whose PO merely contains it", async () => {
    const input = orderInput();
    // Ingram's search matches a PO by containment: an order under PO + "9" is found by a search for PO.
    const longer = await postOrder(h, { ...input, customerOrderNumber: `${input.customerOrderNumber}9` });
    expect(longer.status).toBe(201);
    h.sb.sandbox.faults.set({ op: "create", times: 1, kind: "commitThenHang", ms: 4500 });
    const res = await postOrder(h, input);
    expect(res.status).toBe(201);
    const { result } = await res.json();
    const placed = h.sb.sandbox.store.listOrders().filter((o) => o.customerOrderNumber === input.customerOrderNumber);
    expect(result).toMatchObject({
      outcome: "succeeded",
      customerOrderNumber: input.customerOrderNumber,
      lines: [],
      message: "Ingram Micro answered late, but the order was placed; open it to see its lines.",
    });
    expect(result.orders.map((o: { orderNumber: string }) => o.orderNumber)).toEqual(
      placed.map((o) => o.ingramOrderNumber),
    );
    const intent = await createIntentFor(input.customerOrderNumber);
    const [outcome] = await closing(intent.id);
    expect(outcome).toMatchObject({ outcome: "succeeded", orderNumber: placed[0]!.ingramOrderNumber });
    expect(outcome!.after).toMatchObject({ resolvedBy: "search", customerOrderNumber: input.customerOrderNumber });
    expect((outcome!.after as { orders: unknown[] }).orders).toHaveLength(1);
  });

  it("an unreadable reply to a create Ingram never performed: 504, nothing found, audited unknown with why", async () => {
    const input = orderInput();
    h.sb.sandbox.faults.set({ op: "create", times: 1, kind: "html200" });
    const res = await postOrder(h, input);
    expect(res.status).toBe(504);
    expect((await res.json()).error.message).toContain(`order ${input.customerOrderNumber}`);
    const intent = await createIntentFor(input.customerOrderNumber);
    const [outcome] = await closing(intent.id);
    expect(outcome!.outcome).toBe("unknown");
    expect(outcome!.after).toEqual({
      resolvedBy: "search",
      customerOrderNumber: input.customerOrderNumber,
      orders: [],
    });
    expect(outcome!.ingramErrors).toEqual([{ message: "no reply from Ingram Micro; not re-sent" }]);
  });
});

describe("v7 order requests: the acknowledgement, lookups and the list", () => {
  it("a v6 create and a v7 request are different operations: one key for both replays neither into the other", async () => {
    const key = newKey();
    const input = orderInput();
    const v6 = await postOrder(h, input, key);
    expect(v6.status).toBe(201);
    const v7 = await postV7(input, key);
    // Not the v6 reply replayed: the key is refused for another operation, or a request is made; never a 201.
    expect(v7.status).not.toBe(201);
    expect(v7.headers.get("idempotent-replayed")).not.toBe("true");
  });

  it("accepted: 202 with its Location, pending with Ingram's confirmation number and no orders yet; its intent holds what was sent", async () => {
    const input = orderInput();
    const key = newKey();
    const res = await postV7(input, key);
    expect(res.status).toBe(202);
    const { request } = await res.json();
    expect(res.headers.get("location")).toBe(`/api/order-requests/${request.id}`);
    expect(request).toMatchObject({
      reasons: [],
      resolvedBy: null,
      status: "pending",
      orderNumbers: [],
      customerOrderNumber: input.customerOrderNumber,
    });
    expect(request.confirmationNumber).toMatch(/^US-I-T-/);
    const row = await h.t.db.orderRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row.confirmationNumber).toBe(request.confirmationNumber);
    expect((row.result as { ack?: { confirmationNumber?: string } }).ack?.confirmationNumber).toBe(
      request.confirmationNumber,
    );
    const intent = await h.t.db.auditEvent.findUniqueOrThrow({ where: { id: row.intentId! } });
    expect(intent.action).toBe("order.create_async");
    expect(intent.request).toMatchObject({ input, idempotencyKey: key });
    expect(
      (intent.request as { ingramRequest: { customerOrderNumber: string } }).ingramRequest.customerOrderNumber,
    ).toBe(input.customerOrderNumber);
  });

  it("refused at the acknowledgement: failed with Ingram's reasons (resolvedBy ack), audited failed", async () => {
    const input = orderInput();
    // Another request, pending meanwhile: the refusal moves only its own row.
    const other = (await (await postV7(orderInput())).json()).request;
    h.sb.sandbox.faults.set({
      op: "createV7",
      times: 1,
      kind: "status",
      status: 400,
      body: { errors: [{ message: "Unknown ship-to" }] },
    });
    const key = newKey();
    const res = await postV7(input, key);
    h.sb.sandbox.faults.clear();
    expect(res.status).toBe(422);
    expect((await h.t.db.orderRequest.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("pending");
    // The same key again: the refusal is replayed, not sent twice.
    const creates = h.sb.sandbox.stats.count("createV7");
    const again = await postV7(input, key);
    expect(again.status).toBe(422);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(h.sb.sandbox.stats.count("createV7")).toBe(creates);
    const row = await h.t.db.orderRequest.findFirstOrThrow({
      where: { customerOrderNumber: input.customerOrderNumber },
    });
    const view = (await (await viewRequest(row.id)).json()).request;
    expect(view).toMatchObject({
      status: "failed",
      resolvedBy: "ack",
      message: "Ingram Micro did not create the order.",
    });
    expect(view.reasons.join(" ")).toContain("Unknown ship-to");
    expect((await closing(row.intentId!)).map((e) => [e.outcome, e.ingramStatus])).toEqual([["failed", 400]]);
  });

  it("a request whose acknowledgement never comes is unknown (504), and says it may still be created", async () => {
    const input = orderInput();
    h.sb.sandbox.faults.set({ op: "createV7", times: 1, kind: "html200" });
    const res = await postV7(input);
    expect(res.status).toBe(504);
    expect((await res.json()).error.message).toContain(`order request ${input.customerOrderNumber}`);
    const row = await h.t.db.orderRequest.findFirstOrThrow({
      where: { customerOrderNumber: input.customerOrderNumber },
    });
    expect(row.status).toBe("unknown");
    const view = (await (await viewRequest(row.id)).json()).request;
    expect(view.message).toBe("Ingram Micro did not confirm the request in time; it may still create the order.");
    expect((await closing(row.intentId!)).map((e) => e.outcome)).toEqual(["unknown"]);
  });

  it("looking one up: a malformed id is 400 naming the field, an unknown one 404", async () => {
    const bad = await viewRequest("not-a-uuid");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({
      code: "bad_request",
      message: "Order request id is not valid.",
      fields: { id: "Order request id is not valid." },
    });
    const missing = await viewRequest("00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatchObject({ code: "not_found", message: "No such order request." });
  });

  it("only an open request past its timeout is searched for when read; a young one or a settled one is not", async () => {
    const { request } = await (await postV7(orderInput())).json();
    const searches = () => h.sb.sandbox.stats.count("search");
    const before = searches();
    // Young and pending: read as it is.
    expect((await (await viewRequest(request.id)).json()).request.status).toBe("pending");
    expect(searches()).toBe(before);
    // Settled already, however old: no search.
    const old = new Date(Date.now() - (env.orderRequestPendingSeconds + 60) * 1000);
    await h.t.db.orderRequest.update({
      where: { id: request.id },
      data: { status: "created", createdAt: old, updatedAt: old, result: { resolvedBy: "webhook", reasons: [7, "x"] } },
    });
    const settled = (await (await viewRequest(request.id)).json()).request;
    expect(searches()).toBe(before);
    // Stored reasons are shown as text only; a resolvedBy the portal does not know is shown as none.
    expect(settled).toMatchObject({ status: "created", resolvedBy: "webhook", reasons: ["x"] });
    await h.t.db.orderRequest.update({ where: { id: request.id }, data: { result: { resolvedBy: "telepathy" } } });
    expect((await (await viewRequest(request.id)).json()).request.resolvedBy).toBeNull();
    // Still "submitted" (never acknowledged) and past its timeout: searched for once, when read.
    await h.t.db.orderRequest.update({
      where: { id: request.id },
      data: { status: "submitted", createdAt: old, updatedAt: old },
    });
    const read = (await (await viewRequest(request.id)).json()).request;
    expect(searches()).toBe(before + 1);
    expect(read.resolvedBy).toBe("search");
  });

  it("the list: the actor's own or everyone's, newest first, filtered by state; anonymous is refused", async () => {
    const mine = (await (await postV7(orderInput(), newKey(), "admin")).json()).request;
    const later = (await (await postV7(orderInput(), newKey(), "admin")).json()).request;
    const buyers = (await (await postV7(orderInput(), newKey(), "buyer")).json()).request;
    // Two requests a millisecond apart may share a timestamp: make the order of the first two plain.
    await h.t.db.orderRequest.update({ where: { id: mine.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await h.t.db.orderRequest.update({ where: { id: later.id }, data: { status: "failed" } });
    const list = async (query: string, as: "admin" | "buyer" | "anonymous" = "admin") =>
      call(h, requests.GET, "/api/order-requests", { as, query });
    const own = (await (await list("scope=mine")).json()).requests as { id: string; createdByEmail: string }[];
    expect(own.map((r) => r.createdByEmail)).toEqual(own.map(() => h.users.admin!.email));
    expect(own.slice(0, 2).map((r) => r.id)).toEqual([later.id, mine.id]);
    expect(own.map((r) => r.id)).not.toContain(buyers.id);
    const all = (await (await list("scope=all")).json()).requests as { id: string; createdByEmail: string }[];
    expect(all.map((r) => r.id)).toEqual(expect.arrayContaining([mine.id, later.id, buyers.id]));
    const failed = (await (await list("scope=mine&status=failed")).json()).requests as { id: string; status: string }[];
    expect(failed.map((r) => r.status)).toEqual(failed.map(() => "failed"));
    expect(failed.map((r) => r.id)).toContain(later.id);
    expect(failed.map((r) => r.id)).not.toContain(mine.id);
    expect((await list("scope=all", "anonymous")).status).toBe(401);
  });
});
