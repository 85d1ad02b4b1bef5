import { describe, expect, it } from "vitest";
import type { OrderDetail, OrderLine } from "@/lib/orders/dto-types";
import { orderSeed } from "@/lib/orders/duplicate-order";

const line = (over: Partial<OrderLine>): OrderLine =>
  ({
    ingramPartNumber: "TSXML1",
    quantityOrdered: 2,
    unitPrice: 10,
    status: { state: "on_hold", label: "On hold", raw: "On Hold" },
    ...over,
  }) as OrderLine;

const order = {
  orderNumber: "20-RD3QV",
  customerOrderNumber: "PO-OLD",
  endCustomerOrderNumber: "EC-OLD",
  shipTo: {
    addressId: "SHIP1",
    contact: "Robin",
    companyName: "Acme",
    lines: ["1 Main St", "Suite 2"],
    city: "Dallas",
    state: "TX",
    postalCode: "75001",
    countryCode: "US",
    phone: null,
    email: null,
  },
  endUser: {
    addressId: "EU9",
    contact: null,
    companyName: "End Co",
    lines: [],
    city: null,
    state: null,
    postalCode: null,
    countryCode: null,
    phone: "555",
    email: "e@x.test",
  },
  lines: [
    line({}),
    line({ ingramPartNumber: "7RK121", quantityOrdered: 3, unitPrice: null }),
    line({ ingramPartNumber: "GONE1", status: { state: "cancelled", label: "Cancelled", raw: "Canceled" } }),
    line({ ingramPartNumber: null }),
  ],
} as unknown as OrderDetail;

describe("orderSeed", () => {
  it("takes live lines with their part, quantity and price, the ship-to and the end user, and no PO", () => {
    const seed = orderSeed(order);
    expect(seed).toEqual({
      from: "20-RD3QV",
      lines: [
        { ingramPartNumber: "TSXML1", quantity: "2", unitPrice: "10" },
        { ingramPartNumber: "7RK121", quantity: "3", unitPrice: "" },
      ],
      // A full address: the registered id is not sent beside it.
      shipTo: {
        companyName: "Acme",
        contact: "Robin",
        addressLine1: "1 Main St",
        addressLine2: "Suite 2",
        city: "Dallas",
        state: "TX",
        postalCode: "75001",
        countryCode: "US",
      },
      endUser: { companyName: "End Co", phoneNumber: "555", email: "e@x.test", endUserId: "EU9" },
      skippedLines: 2,
    });
    expect(JSON.stringify(seed)).not.toContain("PO-OLD");
    expect(JSON.stringify(seed)).not.toContain("EC-OLD");
  });

  it("keeps a registered ship-to id when the order has no address lines, and at most 50 lines", () => {
    const many = {
      ...order,
      shipTo: { ...order.shipTo!, lines: [] },
      lines: Array.from({ length: 60 }, () => line({})),
    } as OrderDetail;
    const seed = orderSeed(many);
    expect(seed.shipTo.addressId).toBe("SHIP1");
    expect(seed.lines).toHaveLength(50);
    expect(seed.skippedLines).toBe(10);
  });
});
