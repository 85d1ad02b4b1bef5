import { type Server, createServer } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_FIXTURES as F } from "@/lib/ingram/sandbox/fixtures";
import { type SandboxJson, useHarness } from "./helpers.ts";

/*
 * v7 create as at Ingram: the 200 acknowledgement creates nothing; the order exists (searchable and readable)
 * when the result webhook is delivered; what Ingram finds while processing arrives by the failure webhook.
 */

interface Received {
  body: SandboxJson;
  /** Whether the order was already in the sandbox when the webhook reached the receiver. */
  orderExisted: boolean;
}

describe("sandbox v7 create is asynchronous", () => {
  let receiver: Server;
  let received: Received[] = [];
  let port = 0;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        received.push({
          body,
          orderExisted: h.sb.store.hasCustomerOrderNumber(body[0]?.resource?.customerOrderNumber ?? ""),
        });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((ok) => receiver.listen(0, "127.0.0.1", ok));
    const addr = receiver.address();
    port = typeof addr === "object" && addr ? addr.port : 0;
  });
  afterAll(() => new Promise((ok) => receiver.close(ok)));
  const h = useHarness(() => ({
    orderCount: 20,
    webhookUrl: `http://127.0.0.1:${port}/hooks`,
    webhookSecret: "s",
    webhookDelayMs: 150,
    webhookRetryDelaysMs: [20],
  }));
  afterEach(() => {
    received = [];
  });

  const submit = (
    po: string,
    lines: unknown[] = [{ ingramPartNumber: F.inStockPartNumber, quantity: 1 }],
    extra: object = {},
  ) => h.api("POST", "/resellers/v7/orders", { body: { customerOrderNumber: po, lines, ...extra } });
  const searchPo = (po: string) => h.api("GET", `/resellers/v6/orders/search?customerOrderNumber=${po}`);

  it("the acknowledgement creates nothing; the order is searchable and readable once the result webhook is delivered", async () => {
    const ack = await submit("ASYNC-OK-1");
    expect(ack.status).toBe(200);
    expect(ack.json.confirmationNumber).toMatch(/^US-I-T-\d{20}$/);
    expect((await searchPo("ASYNC-OK-1")).status).toBe(204);
    expect(h.sb.store.hasCustomerOrderNumber("ASYNC-OK-1")).toBe(false);

    await expect.poll(() => received.length, { timeout: 3_000 }).toBe(1);
    const [{ body, orderExisted }] = received as [Received];
    expect(orderExisted).toBe(true);
    expect(body[0]).toMatchObject({
      event: "IM::created",
      resource: { eventType: "IM::async_order_create", customerOrderNumber: "ASYNC-OK-1" },
    });
    const orderNumber = body[0].resource.orders[0].ingramOrderNumber as string;
    const found = await searchPo("ASYNC-OK-1");
    expect(found.status).toBe(200);
    expect(found.json.orders.map((o: { ingramOrderNumber: string }) => o.ingramOrderNumber)).toEqual([orderNumber]);
    const detail = await h.api("GET", `/resellers/v6.1/orders/${orderNumber}`);
    expect(detail.status).toBe(200);
    expect(detail.json.customerOrderNumber).toBe("ASYNC-OK-1");
  });

  it("a duplicate customer PO is acknowledged, then reported by the failure webhook; no second order", async () => {
    expect((await submit("ASYNC-DUP")).status).toBe(200);
    await expect.poll(() => received.length, { timeout: 3_000 }).toBe(1);
    const dup = await submit("ASYNC-DUP");
    expect(dup.status).toBe(200);
    await expect.poll(() => received.length, { timeout: 3_000 }).toBe(2);
    const failure = received[1]!.body[0];
    expect(failure).toMatchObject({
      topic: "resellers/orders",
      event: "IM::failed",
      resource: {
        eventType: "IM::async_order_create",
        confirmationNumber: dup.json.confirmationNumber,
        customerOrderNumber: "ASYNC-DUP",
        orders: [],
        errors: [{ type: "/errors/validation-failed", fields: [{ field: "customerOrderNumber", value: "ASYNC-DUP" }] }],
      },
    });
    expect(failure.eventId).toMatch(/^[A-Z0-9]{18}$/);
    expect(h.sb.store.listOrders().filter((o) => o.customerOrderNumber === "ASYNC-DUP")).toHaveLength(1);
  });

  it("unknown part numbers on every line are reported by the failure webhook and create nothing", async () => {
    const ack = await submit("ASYNC-SKU", [{ ingramPartNumber: F.unknownPartNumber, quantity: 1 }]);
    expect(ack.status).toBe(200);
    await expect.poll(() => received.length, { timeout: 3_000 }).toBe(1);
    const { body, orderExisted } = received[0]!;
    expect(orderExisted).toBe(false);
    expect(body[0].event).toBe("IM::failed");
    expect(body[0].resource.errors[0].fields).toEqual([
      {
        field: "lines[0].ingramPartNumber",
        value: F.unknownPartNumber,
        message: `SKU-NOTFOUND    ${F.unknownPartNumber}`,
      },
    ]);
    expect((await searchPo("ASYNC-SKU")).status).toBe(204);
  });

  it("a malformed request is still answered at once with 400, and nothing is sent", async () => {
    const bad = await submit("X".repeat(19), [{ ingramPartNumber: F.inStockPartNumber, quantity: 1 }], {
      acceptBackOrder: "true",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].fields.map((f: { field: string }) => f.field)).toEqual([
      "customerOrderNumber",
      "acceptBackOrder",
    ]);
    const raw = await h.api("POST", "/resellers/v7/orders", {
      raw: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(raw.status).toBe(400);
    await new Promise((r) => setTimeout(r, 400));
    expect(received).toEqual([]);
  });

  it("a known quote number orders the quote's lines; an unknown one fails by webhook", async () => {
    expect((await submit("ASYNC-QUOTE", [], { quoteNumber: F.quoteNumber })).status).toBe(200);
    await expect.poll(() => received.length, { timeout: 3_000 }).toBe(1);
    const created = received[0]!.body[0];
    expect(created.event).toBe("IM::created");
    const detail = await h.api("GET", `/resellers/v6.1/orders/${created.resource.orders[0].ingramOrderNumber}`);
    expect(detail.json.lines.map((l: { ingramPartNumber: string }) => l.ingramPartNumber)).toEqual([
      "TSXML1",
      "9HG002",
    ]);
    expect(detail.json.webOrderId).toMatch(/^\d{8}$/);
    expect(detail.json.lines[1].serviceContractInfo.subscriptions).toMatchObject({ subscriptionTerm: "12 Months" });

    expect((await submit("ASYNC-NOQUOTE", [], { quoteNumber: "QUO-NOPE" })).status).toBe(200);
    await expect.poll(() => received.length, { timeout: 3_000 }).toBe(2);
    expect(received[1]!.body[0]).toMatchObject({
      event: "IM::failed",
      resource: { errors: [{ fields: [{ field: "quoteNumber", value: "QUO-NOPE" }] }] },
    });
    expect(h.sb.store.hasCustomerOrderNumber("ASYNC-NOQUOTE")).toBe(false);
  });
});
