import { createHmac, timingSafeEqual } from "node:crypto";
import { type Server, createServer } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_FIXTURES as F } from "@/lib/ingram/sandbox/fixtures";
import { type SandboxJson, useHarness } from "./helpers.ts";

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: SandboxJson;
}

const SECRET = "whsec-test-4711";

function verify(signature: string, eventId: string): boolean {
  const expected = createHmac("sha512", SECRET).update(eventId).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe("sandbox webhooks", () => {
  let receiver: Server;
  let received: Received[] = [];
  let failNext = 0;
  let port = 0;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(500).end();
          return;
        }
        received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
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
    webhookUrl: `http://127.0.0.1:${port}/hooks/ingram`,
    webhookSecret: SECRET,
    webhookDelayMs: 50,
    webhookRetryDelaysMs: [20, 40, 80],
  }));
  afterEach(() => {
    received = [];
    failNext = 0;
  });

  it("v7 create posts a signed IM::created event array after the delay", async () => {
    const ack = await h.api("POST", "/resellers/v7/orders", {
      body: {
        customerOrderNumber: "WH-V7-1",
        lines: [
          { customerLineNumber: "1", ingramPartNumber: "TSXML1", quantity: 2 },
          { customerLineNumber: "2", ingramPartNumber: "XXXXXX", quantity: 1 },
        ],
      },
    });
    expect(ack.status).toBe(200);
    await expect.poll(() => received.length, { timeout: 3_000 }).toBe(1);
    const { headers, body } = received[0]!;
    expect(Array.isArray(body)).toBe(true);
    const event = body[0];
    expect(event).toMatchObject({
      topic: "resellers/orders",
      event: "IM::created",
      resource: { eventType: "IM::async_order_create", customerOrderNumber: "WH-V7-1" },
    });
    expect(event.eventId).toMatch(/^[A-Z0-9]{18}$/);
    expect(new Date(event.eventTimeStamp).toISOString()).toBe(event.eventTimeStamp);
    expect(verify(String(headers["x-hub-signature"]), event.eventId)).toBe(true);
    expect(verify(String(headers["x-hub-signature"]), `${event.eventId}X`)).toBe(false);
    const order = event.resource.orders[0];
    expect(order.numberOfLinesWithError).toBe(1);
    expect(order.rejectedLineItems[0].rejectCode).toBe("EN");
    expect((await h.api("GET", `/resellers/v6.1/orders/${order.ingramOrderNumber}`)).json.customerOrderNumber).toBe(
      "WH-V7-1",
    );
  });

  it("emitStatusEvent sends a signed order-status event and moves the order into that state", async () => {
    const n = F.processingOrderNumber;
    await h.sb.emitStatusEvent(n, "im::order_shipped");
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(body).toMatchObject({
      topic: "resellers/orders",
      event: "im::updated",
      resource: [{ eventType: "im::order_shipped", orderNumber: n }],
    });
    expect(verify(String(headers["x-hub-signature"]), body.eventId)).toBe(true);
    const line = body.resource[0].lines[0];
    expect(line.shipmentDetails[0].packageDetails[0].trackingNumber).toEqual(expect.any(String));
    expect(line.requestedQuantity).toEqual(expect.any(String));
    expect((await h.api("GET", `/resellers/v6.1/orders/${n}`)).json.orderStatus).toBe("Shipped");
  });

  it("retries a failing receiver with backoff, and the control endpoint reports delivery", async () => {
    failNext = 2;
    const res = await fetch(`${h.sb.url}/__sandbox/events`, {
      method: "POST",
      body: JSON.stringify({ orderNumber: F.backorderedOrderNumber, eventType: "im::order_backordered" }),
    });
    expect(res.status).toBe(200);
    expect(received).toHaveLength(1);
    expect(failNext).toBe(0);
    const unknown = await fetch(`${h.sb.url}/__sandbox/events`, {
      method: "POST",
      body: JSON.stringify({ orderNumber: "20-NONE0", eventType: "im::order_shipped" }),
    });
    expect(unknown.status).toBe(404);
  });

  it("gives up after a bounded number of attempts", async () => {
    failNext = 100;
    await expect(h.sb.emitStatusEvent(F.canceledOrderNumber, "im::order_voided")).rejects.toThrow(/500/);
    expect(100 - failNext).toBe(4);
  });
});
