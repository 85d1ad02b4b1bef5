import { describe, expect, it } from "vitest";
import { pruneEmpty } from "@/lib/ingram/client";
import { OrderCreateRequest } from "@/lib/ingram/schemas/order-create";
import { OrderCreateV7Request } from "@/lib/ingram/schemas/order-create-v7";
import { OrderModifyRequest } from "@/lib/ingram/schemas/order-modify";

const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; code: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join(".")}:${i.code}`) ?? [];

describe("request schemas are strict about what we send", () => {
  it("accepts a well-formed v6 create", () => {
    const ok = OrderCreateRequest.safeParse({
      customerOrderNumber: "PO-1",
      acceptBackOrder: true,
      resellerInfo: { phoneNumber: "6105400202" },
      lines: [
        {
          customerLineNumber: "1",
          ingramPartNumber: "DF4128",
          quantity: 1,
          endUserInfo: [{ phoneNumber: "987654321" }],
        },
      ],
      shipmentDetails: { shipComplete: "C", signatureRequired: false, requestedDeliveryDate: "2030-01-02" },
      additionalAttributes: [{ attributeName: "allowOrderOnCustomerHold", attributeValue: "true" }],
    });
    expect(ok.success).toBe(true);
  });

  it("rejects unknown keys, quoted booleans, numeric phones, long values and a missing PO", () => {
    expect(issuesOf(OrderCreateRequest.safeParse({ customerOrderNumber: "PO", customerPartNumber: "x" }))).toEqual([
      ":unrecognized_keys",
    ]);
    expect(issuesOf(OrderCreateRequest.safeParse({ customerOrderNumber: "PO", acceptBackOrder: "true" }))).toEqual([
      "acceptBackOrder:invalid_type",
    ]);
    expect(
      issuesOf(OrderCreateRequest.safeParse({ customerOrderNumber: "PO", resellerInfo: { phoneNumber: 6105400202 } })),
    ).toEqual(["resellerInfo.phoneNumber:invalid_type"]);
    expect(issuesOf(OrderCreateRequest.safeParse({ customerOrderNumber: "x".repeat(36) }))).toEqual([
      "customerOrderNumber:too_big",
    ]);
    expect(
      issuesOf(OrderCreateRequest.safeParse({ customerOrderNumber: "PO", shipmentDetails: { shipComplete: "true" } })),
    ).toEqual(["shipmentDetails.shipComplete:too_big"]);
    expect(issuesOf(OrderCreateRequest.safeParse({ customerOrderNumber: "PO", lines: [{ quantity: "1," }] }))).toEqual([
      "lines.0.quantity:invalid_type",
    ]);
    expect(OrderCreateRequest.safeParse({}).success).toBe(false);
  });

  it("v7: customerOrderNumber <= 18, real booleans, nulls allowed where the spec says nullable", () => {
    expect(
      OrderCreateV7Request.safeParse({
        customerOrderNumber: "x".repeat(18),
        endCustomerOrderNumber: null,
        acceptBackOrder: false,
      }).success,
    ).toBe(true);
    expect(issuesOf(OrderCreateV7Request.safeParse({ customerOrderNumber: "x".repeat(19) }))).toEqual([
      "customerOrderNumber:too_big",
    ]);
    expect(issuesOf(OrderCreateV7Request.safeParse({ shipmentDetails: { signatureRequired: "true" } }))).toEqual([
      "shipmentDetails.signatureRequired:invalid_type",
    ]);
    expect(issuesOf(OrderCreateV7Request.safeParse({ lines: [{ warrantyInfo: [{ directLineLink: "x" }] }] }))).toEqual([
      "lines.0.warrantyInfo:invalid_type",
    ]);
  });

  it("modify: enum and maxLengths from the spec", () => {
    expect(
      OrderModifyRequest.safeParse({ lines: [{ ingramLineNumber: "003", addUpdateDeleteLine: "UPDATE", quantity: 2 }] })
        .success,
    ).toBe(true);
    expect(issuesOf(OrderModifyRequest.safeParse({ lines: [{ addUpdateDeleteLine: "REMOVE" }] }))).toEqual([
      "lines.0.addUpdateDeleteLine:invalid_value",
    ]);
    expect(issuesOf(OrderModifyRequest.safeParse({ lines: [{ ingramLineNumber: 9 }] }))).toEqual([
      "lines.0.ingramLineNumber:invalid_type",
    ]);
    expect(issuesOf(OrderModifyRequest.safeParse({ notes: "x".repeat(133) }))).toEqual(["notes:too_big"]);
    expect(issuesOf(OrderModifyRequest.safeParse({ shipToInfo: { addressLine1: "x".repeat(61) } }))).toEqual([
      "shipToInfo.addressLine1:too_big",
    ]);
  });
});

describe("pruneEmpty", () => {
  it("drops empty nested objects, nulls and empty arrays; keeps meaningful blanks and the top object", () => {
    expect(
      pruneEmpty({
        customerOrderNumber: "PO",
        endUserInfo: {},
        shipToInfo: { companyName: "", contact: "" },
        resellerInfo: { companyName: "ACME", email: undefined },
        lines: [{ customerLineNumber: "", ingramPartNumber: "DF4128", endUserInfo: [{}] }],
        additionalAttributes: [],
        notes: null,
      }),
    ).toEqual({
      customerOrderNumber: "PO",
      resellerInfo: { companyName: "ACME" },
      lines: [{ customerLineNumber: "", ingramPartNumber: "DF4128" }],
    });
    expect(pruneEmpty({})).toEqual({});
  });

  it("drops what validated form input leaves unset: undefined fields, objects left empty, no line changes", () => {
    expect(pruneEmpty({ notes: undefined, shipToInfo: { contact: undefined, email: undefined }, lines: [] })).toEqual(
      {},
    );
    expect(
      pruneEmpty({
        shipToInfo: { contact: "Ann", city: undefined },
        lines: [{ addUpdateDeleteLine: "DELETE", ingramLineNumber: "002", quantity: undefined, notes: undefined }],
      }),
    ).toEqual({ shipToInfo: { contact: "Ann" }, lines: [{ addUpdateDeleteLine: "DELETE", ingramLineNumber: "002" }] });
  });
});
