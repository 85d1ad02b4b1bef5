import { describe, expect, it } from "vitest";
import { parseWebhookBody } from "@/lib/orders/webhook-payload";

const result = (event: string, resource: Record<string, unknown>) => [
  { topic: "resellers/orders", event, eventId: "E1", resource: { eventType: "IM::async_order_create", ...resource } },
];

describe("v7 result webhooks: success or failure", () => {
  it("a result naming an order is a success, whatever else it carries", () => {
    const [e] = parseWebhookBody(
      result("IM::created", { customerOrderNumber: "PO1", orders: [{ ingramOrderNumber: "20-AAAAA" }] }),
    )!;
    expect(e).toMatchObject({ kind: "order_created", failed: false, orderNumbers: ["20-AAAAA"], errors: [] });
  });

  it("no order and Ingram's errors is a failure, with the messages and field messages in order", () => {
    const [e] = parseWebhookBody(
      result("IM::failed", {
        customerOrderNumber: "PO2",
        confirmationNumber: "US-I-T-1",
        orders: [],
        errors: [{ message: "Order can not be created", fields: [{ field: "lines[0]", message: "SKU not found" }] }],
      }),
    )!;
    expect(e).toMatchObject({
      kind: "order_created",
      failed: true,
      customerOrderNumber: "PO2",
      confirmationNumber: "US-I-T-1",
      errors: ["Order can not be created", "lines[0]: SKU not found"],
    });
  });

  it("an event named as a failure fails even without errors; an empty success does not", () => {
    expect(parseWebhookBody(result("IM::failed", { orders: [] }))![0]).toMatchObject({ failed: true, errors: [] });
    expect(parseWebhookBody(result("IM::created", { orders: [] }))![0]!.failed).toBe(false);
  });

  it("status events are never failures", () => {
    const [e] = parseWebhookBody({
      topic: "resellers/orders",
      event: "im::updated",
      eventId: "E3",
      resource: [{ eventType: "im::order_hold", orderNumber: "20-BBBBB", errors: [{ message: "x" }] }],
    })!;
    expect(e).toMatchObject({ kind: "order_status", failed: false });
  });

  it("reads errors under `error` too, plain texts as well as entries, at most 20", () => {
    const [e] = parseWebhookBody(
      result("IM::failed", { error: ["Credit hold", { message: "Check terms", fields: [{ message: "no field" }] }] }),
    )!;
    expect(e).toMatchObject({ failed: true, errors: ["Credit hold", "Check terms", "no field"] });
    const many = Array.from({ length: 25 }, (_, i) => ({ message: `E${i}` }));
    const [capped] = parseWebhookBody(result("IM::failed", { errors: many }))!;
    expect(capped!.errors).toEqual(many.slice(0, 20).map((m) => m.message));
  });

  it("takes a finite number as text, and an overflowed one (1e400 parses as Infinity) as nothing", () => {
    const [e] = parseWebhookBody(
      JSON.parse('[{"eventId":"E4","resource":{"customerOrderNumber":1e400,"confirmationNumber":42}}]'),
    )!;
    expect(e).toMatchObject({ customerOrderNumber: null, confirmationNumber: "42" });
  });

  it("fails on errors alone only when no order was named, and only for a create result", () => {
    const errors = [{ message: "Order can not be created" }];
    // Named as created, yet no order and Ingram's errors: a failure.
    expect(parseWebhookBody(result("IM::created", { orders: [], errors }))![0]!.failed).toBe(true);
    // An order named alongside errors (warnings on a created order): not a failure.
    const named = parseWebhookBody(result("IM::created", { orders: [{ ingramOrderNumber: "20-CCCCC" }], errors }))!;
    expect(named[0]).toMatchObject({ failed: false, errors: ["Order can not be created"] });
    // A status event naming no order, with errors: still not a failure.
    const status = parseWebhookBody({ event: "im::updated", eventId: "E5", resource: [{ errors }] })!;
    expect(status[0]).toMatchObject({ kind: "order_status", failed: false });
  });

  it("skips error entries and field entries that carry no message", () => {
    const [e] = parseWebhookBody(
      result("IM::failed", {
        errors: [{ fields: [{ field: "lines[0].quantity", message: "too many" }, { field: "notes" }] }, { code: 7 }],
      }),
    )!;
    expect(e!.errors).toEqual(["lines[0].quantity: too many"]);
  });
});
