import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { OrderCreateRequest } from "@/lib/ingram/schemas/order-create";
import { OrderModifyRequest } from "@/lib/ingram/schemas/order-modify";
import { csvCell } from "@/lib/csv";
import { requestHash } from "@/lib/orders/idempotency";
import { toCreateRequest, toModifyRequest } from "@/lib/orders/request-bodies";
import { parseWebhookBody } from "@/lib/orders/webhook-payload";
import { verifySignature } from "@/lib/orders/receive-ingram-webhook";
import { modifyOrderSchema } from "@/lib/validation/order-changes";
import { createOrderSchema } from "@/lib/validation/orders";

describe("Ingram request bodies", () => {
  it("create: hold becomes allowOrderOnCustomerHold, empty ship-to is left out, lines are numbered; Ingram's schema accepts it", () => {
    const input = createOrderSchema.parse({
      customerOrderNumber: "PO1",
      customerHold: true,
      shipTo: { contact: "", city: "" },
      lines: [
        { ingramPartNumber: "TSXML1", quantity: 2 },
        { ingramPartNumber: "DF4128", quantity: 1, unitPrice: "9.50" },
      ],
      additionalAttributes: [
        { name: "allowPartialOrder", value: "true" },
        { name: "allowOrderOnCustomerHold", value: "false" },
      ],
    });
    const body = toCreateRequest(input);
    expect(body).toEqual({
      customerOrderNumber: "PO1",
      lines: [
        { customerLineNumber: "1", ingramPartNumber: "TSXML1", quantity: 2 },
        { customerLineNumber: "2", ingramPartNumber: "DF4128", quantity: 1, unitPrice: 9.5 },
      ],
      additionalAttributes: [
        { attributeName: "allowPartialOrder", attributeValue: "true" },
        { attributeName: "allowOrderOnCustomerHold", attributeValue: "true" },
      ],
    });
    expect(OrderCreateRequest.safeParse(body).success).toBe(true);
  });

  it("modify: actions map to ADD/UPDATE/DELETE and delete sends no quantity", () => {
    const body = toModifyRequest(
      modifyOrderSchema.parse({
        lines: [
          { action: "add", ingramPartNumber: "TSXML1", quantity: 1 },
          { action: "delete", ingramLineNumber: "002", quantity: 4 },
        ],
      }),
    );
    expect(body).toEqual({
      lines: [
        { addUpdateDeleteLine: "ADD", ingramPartNumber: "TSXML1", quantity: 1 },
        { addUpdateDeleteLine: "DELETE", ingramLineNumber: "002" },
      ],
    });
    expect(OrderModifyRequest.safeParse(body).success).toBe(true);
  });
});

describe("webhooks", () => {
  const secret = "s3cret";
  const sign = (id: string, key = secret) => createHmac("sha512", key).update(id).digest("base64");

  it("verifies Base64 HMAC-SHA512 of the eventId only", () => {
    expect(verifySignature(secret, "EV1", sign("EV1"))).toBe(true);
    expect(verifySignature(secret, "EV1", sign("EV2"))).toBe(false);
    expect(verifySignature(secret, "EV1", sign("EV1", "other"))).toBe(false);
    expect(verifySignature(secret, "EV1", null)).toBe(false);
    expect(verifySignature(secret, "EV1", "short")).toBe(false);
    expect(verifySignature("", "EV1", sign("EV1", ""))).toBe(false);
  });

  it("reads a single event or an array, keys in any case, the v7 shape and the status shape", () => {
    const v7 = [
      {
        topic: "resellers/orders",
        event: "IM::created",
        EventTimeStamp: "t",
        eventId: "A1",
        resource: {
          eventType: "IM::async_order_create",
          customerOrderNumber: "PO9",
          orders: [{ ingramOrderNumber: "20-X1" }, { ingramOrderNumber: "20-X2" }],
        },
      },
    ];
    expect(parseWebhookBody(v7)).toEqual([
      {
        eventId: "A1",
        topic: "resellers/orders",
        event: "IM::created",
        eventType: "IM::async_order_create",
        timestamp: "t",
        kind: "order_created",
        customerOrderNumber: "PO9",
        confirmationNumber: null,
        orderNumbers: ["20-X1", "20-X2"],
        failed: false,
        errors: [],
      },
    ]);
    const status = {
      EVENTID: "B2",
      evenTtimeStamp: "t2",
      resource: [{ eventType: "im::order_shipped", orderNumber: "20-Y" }],
    };
    expect(parseWebhookBody(status)).toEqual([
      expect.objectContaining({ eventId: "B2", timestamp: "t2", kind: "order_status", orderNumbers: ["20-Y"] }),
    ]);
  });

  it.each([[null], [[]], ["text"], [{ resource: {} }], [{ eventId: "bad id with spaces" }], [[{ eventId: "A" }, 5]]])(
    "refuses %j",
    (body) => {
      expect(parseWebhookBody(body)).toBeNull();
    },
  );
});

describe("helpers", () => {
  it("request hashes ignore key order but not values or the operation", () => {
    expect(requestHash("op", { a: 1, b: [1, 2] })).toBe(requestHash("op", { b: [1, 2], a: 1 }));
    expect(requestHash("op", { a: 1 })).not.toBe(requestHash("op", { a: 2 }));
    expect(requestHash("op", { a: 1 })).not.toBe(requestHash("op2", { a: 1 }));
  });

  it("CSV cells are quoted and formula-safe", () => {
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell(null)).toBe("");
  });
});
