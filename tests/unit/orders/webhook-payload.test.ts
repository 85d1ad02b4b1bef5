// Edges of the defensive webhook reader: what counts as an event, how keys and values are read, which order
// numbers and kind an event yields. Exact results, so a loosened or tightened rule fails here.
import { describe, expect, it } from "vitest";
import { parseWebhookBody, pick } from "@/lib/orders/webhook-payload";

const one = (body: unknown) => {
  const events = parseWebhookBody(body);
  expect(events).toHaveLength(1);
  return events![0]!;
};

describe("pick", () => {
  it("prefers the exact key, then any spelling, and reads nothing from a non-object", () => {
    expect(pick({ eventId: "exact", EVENTID: "upper" }, "eventId")).toBe("exact");
    expect(pick({ EVENTID: "upper" }, "eventId")).toBe("upper");
    expect(pick({ EVENTID: "upper", eventId: "exact" }, "eventId")).toBe("exact");
    expect(pick({ other: 1 }, "eventId")).toBeUndefined();
    expect(pick({ undefined: "named undefined" }, "eventId")).toBeUndefined();
    expect(pick(["eventId"], "0")).toBeUndefined();
    expect(pick(null, "eventId")).toBeUndefined();
    expect(pick("eventId", "length")).toBeUndefined();
  });
});

describe("parseWebhookBody", () => {
  it("reads a bare event with nothing but an id as a status event with no orders", () => {
    expect(one({ eventId: "E-1" })).toEqual({
      eventId: "E-1",
      topic: null,
      event: null,
      eventType: null,
      timestamp: null,
      kind: "order_status",
      customerOrderNumber: null,
      confirmationNumber: null,
      orderNumbers: [],
      failed: false,
      errors: [],
    });
  });

  it("takes at most 100 events in one body", () => {
    const events = (n: number) => Array.from({ length: n }, (_, i) => ({ eventId: `E${i}` }));
    expect(parseWebhookBody(events(100))).toHaveLength(100);
    expect(parseWebhookBody(events(101))).toBeNull();
    expect(parseWebhookBody(undefined)).toBeNull();
  });

  it("refuses the whole body when any event lacks a usable id", () => {
    expect(parseWebhookBody([{ eventId: "A" }, { eventId: "" }])).toBeNull();
    expect(parseWebhookBody([{ eventId: "A" }, ["eventId"]])).toBeNull();
    expect(parseWebhookBody({ eventId: "   " })).toBeNull();
    expect(parseWebhookBody({ eventId: "a/b" })).toBeNull();
    expect(parseWebhookBody({ eventId: "x".repeat(101) })).toBeNull();
    expect(parseWebhookBody({ eventId: Number.NaN })).toBeNull();
    expect(parseWebhookBody({ eventId: true })).toBeNull();
  });

  it("accepts ids up to 100 characters of the allowed set, numbers as text, and trims", () => {
    expect(one({ eventId: "x".repeat(100) }).eventId).toBe("x".repeat(100));
    expect(one({ eventId: "Az09_.:-" }).eventId).toBe("Az09_.:-");
    expect(one({ eventId: 42 }).eventId).toBe("42");
    expect(one({ eventId: " E7 " }).eventId).toBe("E7");
  });

  it("drops text fields that are blank or longer than 200 characters", () => {
    const e = one({ eventId: "E", topic: "t".repeat(201), event: " ", eventType: "y".repeat(200) });
    expect(e.topic).toBeNull();
    expect(e.event).toBeNull();
    expect(e.eventType).toBe("y".repeat(200));
  });

  it("takes eventType from the first resource when the event has none", () => {
    const e = one({ eventId: "E", resource: [{ eventType: "first" }, { eventType: "second" }] });
    expect(e.eventType).toBe("first");
    expect(one({ eventId: "E", eventType: "own", resource: { eventType: "res" } }).eventType).toBe("own");
    // Only objects count as resources: the first object, not the first entry, supplies eventType and the PO.
    const mixed = one({ eventId: "E", resource: ["junk", { eventType: "T", customerOrderNumber: "PO-3" }] });
    expect([mixed.eventType, mixed.customerOrderNumber]).toEqual(["T", "PO-3"]);
  });

  it("is a create result by eventType, by event name or by an orders list, and a status event otherwise", () => {
    expect(one({ eventId: "E", eventType: "IM::ASYNC_ORDER_CREATE" }).kind).toBe("order_created");
    expect(one({ eventId: "E", event: "im::Created" }).kind).toBe("order_created");
    expect(one({ eventId: "E", resource: { orders: [] } }).kind).toBe("order_created");
    expect(one({ eventId: "E", resource: { orders: "20-X" } }).kind).toBe("order_status");
    expect(one({ eventId: "E", event: "im::shipped", eventType: "im::order_shipped" }).kind).toBe("order_status");
  });

  it("collects each order number once, from orderNumber, ingramOrderNumber and orders[], skipping junk", () => {
    const e = one({
      eventId: "E",
      resource: [
        { orderNumber: "20-A", ingramOrderNumber: "20-IGNORED" },
        { ingramOrderNumber: "20-B" },
        { orders: [{ ingramOrderNumber: "20-C" }, { ingramOrderNumber: "" }, { other: "20-D" }, "20-E"] },
        { orderNumber: "20-A" },
        "20-F",
        null,
      ],
    });
    expect(e.orderNumbers).toEqual(["20-A", "20-B", "20-C"]);
    expect(one({ eventId: "E", resource: { orders: { ingramOrderNumber: "20-G" } } }).orderNumbers).toEqual(["20-G"]);
  });

  it("reads the customer PO from the first resource, up to 35 characters", () => {
    expect(one({ eventId: "E", resource: [{ customerOrderNumber: " PO-1 " }] }).customerOrderNumber).toBe("PO-1");
    expect(one({ eventId: "E", resource: { customerOrderNumber: "p".repeat(35) } }).customerOrderNumber).toBe(
      "p".repeat(35),
    );
    expect(one({ eventId: "E", resource: { customerOrderNumber: "p".repeat(36) } }).customerOrderNumber).toBeNull();
    expect(
      one({ eventId: "E", resource: [{ orderNumber: "1" }, { customerOrderNumber: "PO-2" }] }).customerOrderNumber,
    ).toBeNull();
  });
});
