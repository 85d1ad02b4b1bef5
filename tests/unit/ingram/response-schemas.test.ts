import { describe, expect, it } from "vitest";
import { OrderCreateResponse } from "@/lib/ingram/schemas/order-create";
import { OrderCreateV7Ack, OrderCreateV7Webhook } from "@/lib/ingram/schemas/order-create-v7";
import { OrderDetail } from "@/lib/ingram/schemas/order-detail";
import { OrderModifyResponse } from "@/lib/ingram/schemas/order-modify";
import { OrderSearchResponse } from "@/lib/ingram/schemas/order-search";
import { OrderStatusEvent } from "@/lib/ingram/schemas/order-status-event";
import { TokenResponse } from "@/lib/ingram/schemas/token-response";
import { V7Error, GatewayFault } from "@/lib/ingram/schemas/error-response";

/* Fixtures copy the quirks of the spec examples (numbers as strings, nulls, one object for an array) without reading the spec file. */

describe("tolerant response schemas", () => {
  it("search: numeric strings coerced, links as object or array, unknown keys kept", () => {
    const r = OrderSearchResponse.parse({
      recordsFound: "2",
      pageSize: "25",
      pageNumber: "1",
      orders: [
        {
          ingramOrderNumber: "20-RD3QV",
          orderTotal: "25371.27",
          orderStatus: "OPEN",
          links: { topic: "orders", href: "/resellers/v6.1/orders/20-RD3QV", type: "GET" },
          subOrders: [
            {
              subOrderNumber: "20-RD3QV-11",
              subOrderTotal: "10.5",
              links: { topic: "orders", href: "/x", type: "GET" },
            },
          ],
          somethingNew: { a: 1 },
        },
      ],
      nextPage: "/resellers/v6/orders/search?[original_parameters]&pageNumber=2",
      previousPage: null,
    });
    expect(r.recordsFound).toBe(2);
    expect(r.orders![0]!.orderTotal).toBe(25371.27);
    expect(r.orders![0]!.links).toEqual([{ topic: "orders", href: "/resellers/v6.1/orders/20-RD3QV", type: "GET" }]);
    expect(r.orders![0]!.subOrders![0]!.links).toHaveLength(1);
    expect(r.orders![0]!.subOrders![0]!.subOrderTotal).toBe(10.5);
    expect((r.orders![0] as Record<string, unknown>).somethingNew).toEqual({ a: 1 });
    expect(OrderSearchResponse.parse({}).orders).toBeUndefined();
  });

  it("create: shipmentDetails as object, integer postal code, rejectedLineItems typo kept", () => {
    const r = OrderCreateResponse.parse({
      customerOrderNumber: "PO1",
      processedPartially: "true",
      shipToInfo: { postalCode: 662191736 },
      orders: [
        {
          ingramOrderNumber: "20-RD128",
          numberOfLinesWithError: 1,
          lines: [
            {
              ingramLineNumber: "001",
              quantityOrdered: 1,
              shipmentDetails: { carrierCode: "RG", carrierName: "FEDEX GROUND" },
            },
          ],
          rejectedLineItems: [
            {
              customerLinenumber: "2",
              ingramPartNumber: "XXXXXX",
              rejectCode: "EN",
              rejectReason: "SKU-NOTFOUND    XXXXXX",
            },
          ],
          miscellaneousCharges: [{ chargeAmount: 2.5 }],
        },
      ],
      resellerInfo: { companyName: "ACME" },
    });
    expect(r.processedPartially).toBe(true);
    expect(r.shipToInfo?.postalCode).toBe("662191736");
    expect(r.orders![0]!.lines![0]!.shipmentDetails).toEqual([{ carrierCode: "RG", carrierName: "FEDEX GROUND" }]);
    expect(r.orders![0]!.rejectedLineItems![0]!.customerLinenumber).toBe("2");
  });

  it("detail: nulls everywhere are fine; string chargeAmount coerced", () => {
    const r = OrderDetail.parse({
      ingramOrderNumber: "20-RD3QV",
      ingramOrderDate: "2020-05-13T00:38:52-07:00",
      orderTotal: null,
      billToInfo: null,
      lines: [
        {
          ingramOrderLineNumber: "001",
          quantityOrdered: null,
          shipmentDetails: [{ quantity: null, carrierDetails: [{ trackingDetails: [{ serialNumbers: null }] }] }],
          serviceContractInfo: { licenseInfo: { licenseNumber: null } },
          links: null,
        },
      ],
      miscellaneousCharges: [{ chargeAmount: "7.83" }],
    });
    expect(r.lines![0]!.quantityOrdered).toBeNull();
    expect(r.miscellaneousCharges![0]!.chargeAmount).toBe(7.83);
  });

  it("modify: lineNumber instead of ingramLineNumber passes; shipmentDetails object", () => {
    const r = OrderModifyResponse.parse({
      ingramOrderNumber: "20-RC1RD",
      orderModifiedDate: "2021-02-19T11:10:03.497-08:00",
      orderStatus: "im::hold",
      lines: [{ lineNumber: "001", shipmentDetails: { carrierCode: "RG" } }],
      rejectedLineItems: [{ lineNumber: 9, rejectCode: "EL" }],
    });
    expect(r.lines![0]!.lineNumber).toBe("001");
    expect(r.rejectedLineItems![0]!.lineNumber).toBe("9");
  });

  it("v7: ack and webhook (array or single event)", () => {
    expect(
      OrderCreateV7Ack.parse({
        quoteNumber: null,
        confirmationNumber: "US-I-T-24032926562341102332",
        message: "Thank you",
      }).confirmationNumber,
    ).toBe("US-I-T-24032926562341102332");
    const event = {
      topic: "resellers/orders",
      event: "IM::created",
      eventId: "NYNNHS5UMGAK0X3L4E",
      resource: { eventType: "IM::async_order_create", orders: [] },
    };
    expect(OrderCreateV7Webhook.parse([event])).toHaveLength(1);
    expect(OrderCreateV7Webhook.parse(event)).toHaveLength(1);
  });

  it("status event: timestamp key spellings unified, resource object or array", () => {
    const e = OrderStatusEvent.parse({
      topic: "resellers/orders",
      event: "im::updated",
      evenTtimeStamp: "2024-04-23T15:03:11.267Z",
      eventId: "NYNNHS5UMGAK0X3L4E",
      resource: {
        eventType: "im::order_shipped",
        orderNumber: "20-RD128",
        lines: [{ LineNumber: "001", shippedQuantity: "1" }],
      },
    });
    expect(e.eventTimeStamp).toBe("2024-04-23T15:03:11.267Z");
    expect(e.resource).toHaveLength(1);
    expect(e.resource![0]!.lines![0]!.shippedQuantity).toBe(1);
  });

  it("token: expires_in string or number", () => {
    expect(TokenResponse.parse({ access_token: "a", expires_in: "86399" }).expires_in).toBe(86399);
    expect(TokenResponse.parse({ access_token: "a", expires_in: 2592000 }).expires_in).toBe(2592000);
    expect(TokenResponse.safeParse({ expires_in: 1 }).success).toBe(false);
  });

  it("error shapes parse", () => {
    expect(V7Error.safeParse({ traceid: "1", type: "t", message: "m", fields: [] }).success).toBe(true);
    expect(V7Error.safeParse({ errors: [{ traceid: "1", message: "m" }] }).success).toBe(true);
    expect(GatewayFault.safeParse({ fault: { faultstring: "x", detail: { errorcode: "y" } } }).success).toBe(true);
  });

  it.each([
    ["number that is not numeric", OrderSearchResponse, { recordsFound: "many" }],
    ["object where a string belongs", OrderDetail, { ingramOrderNumber: { x: 1 } }],
    ["string where an array belongs", OrderDetail, { lines: "none" }],
    ["boolean that is not a boolean", OrderCreateResponse, { orderSplit: "maybe" }],
    ["array at the top", OrderDetail, []],
    ["a string at the top", OrderModifyResponse, "ok"],
  ])("fails on wrong types that cannot be coerced: %s", (_name, schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });
});
