import { describe, expect, it } from "vitest";
import { OrderCreateResponse } from "@/lib/ingram/schemas/order-create";
import { OrderDetail } from "@/lib/ingram/schemas/order-detail";
import { OrderModifyResponse } from "@/lib/ingram/schemas/order-modify";
import { OrderSearchResponse } from "@/lib/ingram/schemas/order-search";
import { safeUrl, toDate } from "@/lib/orders/dto-values";
import { toAddress, toCreateResult, toModifyResult, toOrderDetail, toSearchPage, toStatus } from "@/lib/orders/dto";

describe("toStatus", () => {
  it.each([
    ["ON HOLD", "on_hold"],
    ["On Hold", "on_hold"],
    ["im::hold", "on_hold"],
    ["IM::order_hold", "on_hold"],
    ["In Progress", "processing"],
    ["Canceled", "cancelled"],
    ["CANCELLED", "cancelled"],
    ["im::order_voided", "cancelled"],
    ["IM::shipped", "shipped"],
    ["IM::PARTIALLY_SHIPPED", "partially_shipped"],
    ["OPEN", "open"],
    ["Backordered", "backordered"],
    ["im::backordered", "backordered"],
  ])("%s → %s", (raw, state) => {
    expect(toStatus(raw).state).toBe(state);
    expect(toStatus(raw).raw).toBe(raw);
  });

  it("keeps an unknown status visible in its own words", () => {
    expect(toStatus("Awaiting Vendor")).toEqual({ state: "unknown", label: "Awaiting Vendor", raw: "Awaiting Vendor" });
    expect(toStatus(null)).toEqual({ state: "unknown", label: "Unknown", raw: null });
  });
});

describe("toSearchPage", () => {
  it("reads the spec example's string numbers, object links and rebuilds the page count", () => {
    const raw = OrderSearchResponse.parse({
      recordsFound: "57",
      pageSize: "25",
      pageNumber: "2",
      nextPage: "/resellers/v6/orders/search?[original_parameters]&pageNumber=3",
      orders: [
        {
          ingramOrderNumber: "20-RD128",
          ingramOrderDate: "2020-05-13T00:38:52-07:00",
          orderTotal: "25371.27",
          orderStatus: "OPEN",
          links: { topic: "orders", href: "/x", type: "GET" },
          subOrders: [
            { subOrderNumber: "20-RD128-11", subOrderTotal: "10", subOrderStatus: "SHIPPED", links: { topic: "x" } },
          ],
        },
        { ingramOrderNumber: null, orderTotal: 1 },
      ],
    });
    const page = toSearchPage(raw);
    expect(page).toMatchObject({ total: 57, page: 2, pageSize: 25, pageCount: 3 });
    expect(page.orders).toHaveLength(1);
    expect(page.orders[0]).toMatchObject({
      orderNumber: "20-RD128",
      orderDate: "2020-05-13",
      total: 25371.27,
      status: { state: "open" },
    });
    expect(page.orders[0]?.subOrders[0]).toMatchObject({
      subOrderNumber: "20-RD128-11",
      total: 10,
      status: { state: "shipped" },
    });
  });

  it("204 (null) is an empty page", () => {
    expect(toSearchPage(null, { pageNumber: 4, pageSize: 50 })).toEqual({
      orders: [],
      total: 0,
      page: 4,
      pageSize: 50,
      pageCount: 0,
    });
  });

  it("never reports fewer records than it shows when recordsFound is missing", () => {
    const page = toSearchPage(
      OrderSearchResponse.parse({ orders: [{ ingramOrderNumber: "A-1" }, { ingramOrderNumber: "A-2" }] }),
    );
    expect(page.total).toBe(2);
    expect(page.pageCount).toBe(1);
  });

  it("counts an empty page past the end as Ingram's records, not as the pages before it", () => {
    const page = toSearchPage(
      OrderSearchResponse.parse({ recordsFound: 57, pageSize: 25, pageNumber: 999, orders: [] }),
    );
    expect(page).toMatchObject({ total: 57, page: 999, pageCount: 3, orders: [] });
  });
});

describe("toOrderDetail", () => {
  it("maps nulls, single objects where arrays belong, and typos in Ingram's field names", () => {
    const raw = OrderDetail.parse({
      ingramOrderNumber: "20-RD3QV",
      ingramOrderDate: "2021-06-03T18:37:08+08:00",
      orderStatus: "On Hold",
      orderTotal: "100.5",
      currencyCode: null,
      shipToInfo: { companyName: "ABC", addressLine1: "1 Main", addressLine2: "", postalCode: 92618 },
      billToInfo: { contact: null },
      lines: [
        {
          ingramOrderLineNumber: "001",
          lineStatus: "Shipped",
          currencyCode: "USD",
          requestedDeliverydate: "2021-06-05",
          shipmentDetails: {
            quantity: "2",
            shipFromLocation: "Mira Loma",
            carrierDetails: {
              carrierName: "FEDEX GROUND",
              trackingDetails: {
                trackingNumber: "390064340282",
                trackingUrl: "javascript:alert(1)",
                serialNumbers: [{ serialNumber: "Q2EV" }, { serialNumber: null }],
              },
            },
          },
        },
      ],
      miscellaneousCharges: [{ chargeAmount: "7.83", chargeDescription: "RECYCLING FEE BC" }],
      additionalAttributes: [
        { attributeName: "allowOrderOnCustomerHold", attributeValue: "true" },
        { attributeName: "", attributeValue: "x" },
      ],
    });
    const d = toOrderDetail(raw);
    expect(d).toMatchObject({
      orderNumber: "20-RD3QV",
      orderDate: "2021-06-03",
      onHold: true,
      currency: "USD",
      totals: { total: 100.5 },
    });
    expect(d.shipTo).toMatchObject({ companyName: "ABC", lines: ["1 Main"], postalCode: "92618" });
    expect(d.billTo).toBeNull();
    expect(d.lines[0]?.shipments[0]).toMatchObject({ quantity: 2, warehouse: "Mira Loma" });
    expect(d.lines[0]?.shipments[0]?.tracking[0]).toEqual({
      trackingNumber: "390064340282",
      trackingUrl: null,
      carrierName: "FEDEX GROUND",
      packageWeight: null,
      cartonNumber: null,
      quantityInBox: null,
      serialNumbers: ["Q2EV"],
    });
    expect(d.charges[0]?.amount).toBe(7.83);
    expect(d.attributes).toEqual([{ name: "allowOrderOnCustomerHold", value: "true" }]);
  });

  it("an empty body still yields a usable detail named after the requested order", () => {
    const d = toOrderDetail(OrderDetail.parse({}), "20-X");
    expect(d).toMatchObject({ orderNumber: "20-X", lines: [], status: { state: "unknown" }, onHold: false });
  });
});

describe("create and modify results", () => {
  it("lists accepted and rejected lines of a 207 with readable reasons", () => {
    const raw = OrderCreateResponse.parse({
      customerOrderNumber: "PO1",
      processedPartially: "true",
      orders: [
        {
          ingramOrderNumber: "20-NEW01",
          orderTotal: 10,
          lines: [
            {
              ingramLineNumber: "001",
              customerLineNumber: "1",
              ingramPartNumber: "TSXML1",
              quantityOrdered: 2,
              lineStatus: "im::open",
              shipmentDetails: { carrierCode: "RG" },
            },
          ],
          rejectedLineItems: [
            {
              customerLinenumber: "2",
              ingramPartNumber: "XXXXXX",
              quantityOrdered: 1,
              rejectCode: "EN",
              rejectReason: "SKU-NOTFOUND    XXXXXX",
            },
          ],
        },
      ],
    });
    const r = toCreateResult(raw, "PO1");
    expect(r.outcome).toBe("partially_succeeded");
    expect(r.orders).toEqual([{ orderNumber: "20-NEW01", orderDate: null, total: 10, currency: null }]);
    expect(r.lines).toEqual([
      expect.objectContaining({ result: "accepted", ingramPartNumber: "TSXML1", quantity: 2, lineNumber: "001" }),
      expect.objectContaining({
        result: "rejected",
        ingramPartNumber: "XXXXXX",
        customerLineNumber: "2",
        reason: "SKU-NOTFOUND XXXXXX (EN)",
      }),
    ]);
    expect(r.message).toBe("1 of 2 lines accepted; see the rejected lines.");
  });

  it("reads modify results with lineNumber instead of ingramLineNumber, and a null release body", () => {
    const raw = OrderModifyResponse.parse({
      ingramOrderNumber: "20-M",
      lines: [{ lineNumber: 1, quantityOrdered: "3" }],
      rejectedLineItems: [{ lineNumber: "002", rejectCode: "EL" }],
    });
    const r = toModifyResult(raw, "20-M");
    expect(r.lines.map((l) => [l.lineNumber, l.result])).toEqual([
      ["1", "accepted"],
      ["002", "rejected"],
    ]);
    expect(r.lines[1]?.reason).toBe("EL");
    expect(r.outcome).toBe("partially_succeeded");
    expect(toModifyResult(null, "20-M")).toMatchObject({ outcome: "succeeded", orderNumber: "20-M", lines: [] });
  });
});

describe("small helpers", () => {
  it("toDate keeps the calendar date Ingram wrote", () => {
    expect(toDate("2021-05-20")).toBe("2021-05-20");
    expect(toDate("2020-05-13T23:38:52-07:00")).toBe("2020-05-13");
    expect(toDate("")).toBeNull();
  });
  it("safeUrl drops non-http links", () => {
    expect(safeUrl("https://track.example/1")).toBe("https://track.example/1");
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("data:text/html,x")).toBeNull();
  });
  it("toAddress is null for an all-empty address", () => {
    expect(toAddress({ contact: "", addressLine1: null })).toBeNull();
  });
});
