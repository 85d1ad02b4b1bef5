import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getOrderParams, searchOrdersParams } from "@/lib/ingram/schemas/query-params";

describe("search query serialization", () => {
  it("uses Ingram's exact wire names and repeats array keys", () => {
    const p = searchOrdersParams({
      ingramOrderNumber: "20-RD128",
      orderStatus: "ON HOLD",
      "orderStatus-in": ["SHIPPED", "BACKORDERED"],
      ingramOrderDate: "2024-01-15",
      "ingramOrderDate-bt": ["2024-01-01", "2024-01-31"],
      customerOrderNumber: "PO-1",
      endCustomerOrderNumber: "EU-1",
      invoiceDate_bt: ["2024-02-01", "2024-02-02"],
      shipDate_bt: ["2024-03-01", "2024-03-02"],
      deliveryDate_bt: ["2024-04-01", "2024-04-02"],
      ingramPartNumber: "DF4128",
      vendorPartNumber: "920-002555",
      serialNumber: "Q2EV-5SJ3-E6LN",
      trackingNumber: "390064340282",
      vendorName: "Logitech",
      specialBidNumber: "43426380",
      pageSize: 100,
      pageNumber: 3,
    });
    expect([...p.entries()]).toEqual([
      ["ingramOrderNumber", "20-RD128"],
      ["orderStatus", "ON HOLD"],
      ["orderStatus-in", "SHIPPED"],
      ["orderStatus-in", "BACKORDERED"],
      ["ingramOrderDate", "2024-01-15"],
      ["ingramOrderDate-bt", "2024-01-01"],
      ["ingramOrderDate-bt", "2024-01-31"],
      ["customerOrderNumber", "PO-1"],
      ["endCustomerOrderNumber", "EU-1"],
      ["invoiceDate_bt", "2024-02-01"],
      ["invoiceDate_bt", "2024-02-02"],
      ["shipDate_bt", "2024-03-01"],
      ["shipDate_bt", "2024-03-02"],
      ["deliveryDate_bt", "2024-04-01"],
      ["deliveryDate_bt", "2024-04-02"],
      ["ingramPartNumber", "DF4128"],
      ["vendorPartNumber", "920-002555"],
      ["serialNumber", "Q2EV-5SJ3-E6LN"],
      ["trackingNumber", "390064340282"],
      ["vendorName", "Logitech"],
      ["specialBidNumber", "43426380"],
      ["pageSize", "100"],
      ["pageNumber", "3"],
    ]);
    expect(p.toString()).toContain("orderStatus=ON+HOLD");
    expect(p.toString()).not.toContain("%2C");
  });

  it("leaves out absent and empty values", () => {
    expect(searchOrdersParams({ customerOrderNumber: "", pageNumber: undefined }).toString()).toBe("");
    expect(searchOrdersParams({}).toString()).toBe("");
  });

  it.each([
    [{ ingramOrderDate: "2024/01/15" }],
    [{ ingramOrderDate: "2024-02-30" }],
    [{ "ingramOrderDate-bt": ["2024-01-01"] }],
    [{ pageSize: 101 }],
    [{ pageNumber: 0 }],
    [{ customerOrderNumber: "x".repeat(36) }],
    [{ ingramOrderNumber: "123456789012" }],
    [{ orderStatus: "OPEN" }],
    [{ orderstatus: "SHIPPED" }],
  ])("rejects %j before any request", (q) => {
    expect(() => searchOrdersParams(q as never)).toThrow(ZodError);
  });
});

describe("order detail query serialization", () => {
  it("serializes booleans and the sandbox knobs under their wire names", () => {
    const p = getOrderParams({
      ingramOrderDate: "2020-05-13",
      vendorNumber: "V1",
      simulateStatus: "IM::SHIPPED",
      isIml: false,
      regionCode: "CS",
    });
    expect([...p.entries()]).toEqual([
      ["ingramOrderDate", "2020-05-13"],
      ["vendorNumber", "V1"],
      ["simulateStatus", "IM::SHIPPED"],
      ["isIml", "false"],
      ["regionCode", "CS"],
    ]);
  });

  it("rejects unknown keys", () => {
    expect(() => getOrderParams({ foo: "1" } as never)).toThrow(ZodError);
  });
});
