import { describe, expect, it } from "vitest";
import { diffOrders } from "@/lib/audit/diff";
import { diffSummary, fieldLabel, lineFacts } from "@/lib/audit/diff-summary";

const line = (n: string, part: string, vendor: string, vpn: string, qty: number, price: number) => ({
  ingramOrderLineNumber: n,
  ingramPartNumber: part,
  vendorName: vendor,
  vendorPartNumber: vpn,
  partDescription: `${vendor} ${vpn} DESCRIPTION`,
  quantityOrdered: qty,
  unitPrice: price,
  lineStatus: "On Hold",
  extendedPrice: qty * price,
});

const before = {
  ingramOrderNumber: "20-RD3QV",
  orderStatus: "On Hold",
  orderTotal: 100,
  shipToInfo: { city: "Austin", postalCode: "78701" },
  lines: [line("001", "A1", "DELL", "U2723QE", 1, 579.99), line("002", "B2", "APC", "SMT1500", 1, 1225)],
};

describe("diffSummary", () => {
  it("says what a modify did: lines added and changed, ship-to fields, derived totals left out", () => {
    const after = {
      ...before,
      orderTotal: 9999,
      shipToInfo: { city: "Dallas", postalCode: "78701" },
      lines: [
        before.lines[0],
        { ...before.lines[1], quantityOrdered: 3, extendedPrice: 3675 },
        line("003", "7RK121", "CISCO", "C9200-24T", 3, 2475.5),
        line("004", "TSXML1", "INGRAM TEST", "TSXML1-TEST", 2, 10),
      ],
    };
    expect(diffSummary("order.modify", diffOrders(before, after))).toBe(
      "Added 2 lines (CISCO C9200-24T ×3, INGRAM TEST TSXML1-TEST ×2); changed line 002 quantity 1 → 3; changed ship-to city",
    );
  });

  it("names a line's quantity change first and leaves out what followed from it", () => {
    const shipped = (qty: number) => ({
      ...before.lines[1],
      quantityOrdered: qty,
      quantityConfirmed: qty,
      shipmentDetails: [{ quantity: qty }],
      notes: qty === 1 ? "old" : "new",
    });
    const d = diffOrders({ ...before, lines: [shipped(1)] }, { ...before, lines: [shipped(3)] });
    expect(diffSummary("order.modify", d)).toBe("Changed line 002 quantity 1 → 3, notes");
  });

  it("lists at most three lines, then an ellipsis, and names removed lines", () => {
    const after = { ...before, lines: [] as unknown[] };
    const more = { ...before, lines: [1, 2, 3, 4].map((i) => line(`00${i}`, `P${i}`, "HP", `X${i}`, i, 1)) };
    expect(diffSummary("order.modify", diffOrders(before, after))).toBe(
      "Removed 2 lines (DELL U2723QE ×1, APC SMT1500 ×1)",
    );
    expect(diffSummary("order.modify", diffOrders({ ...before, lines: [] }, more))).toBe(
      "Added 4 lines (HP X1 ×1, HP X2 ×2, HP X3 ×3, …)",
    );
  });

  it("names a release and a cancel by their verb alone, whatever statuses they changed", () => {
    const cancelled = {
      ...before,
      orderStatus: "Canceled",
      lines: before.lines.map((l) => ({ ...l, lineStatus: "Canceled" })),
    };
    expect(diffSummary("order.cancel", diffOrders(before, cancelled))).toBe("Cancelled");
    expect(diffSummary("order.release", diffOrders(before, { ...before, orderStatus: "Processing" }))).toBe("Released");
  });

  it("says a status change from a webhook, totals when no line changed, and nothing for no change", () => {
    const shipped = { ...before, orderStatus: "Shipped", orderTotal: 120 };
    expect(diffSummary("webhook.order_status", diffOrders(before, shipped))).toBe(
      "Status On Hold → Shipped; changed order total",
    );
    expect(diffSummary("order.modify", diffOrders(before, before))).toBe("");
  });
});

describe("fieldLabel and lineFacts", () => {
  it("turns Ingram paths into words", () => {
    expect(fieldLabel("shipToInfo.city")).toBe("ship-to city");
    expect(fieldLabel("shipToInfo.addressLine1")).toBe("ship-to address line 1");
    expect(fieldLabel("endUserInfo.companyName")).toBe("end user company name");
    expect(fieldLabel("additionalAttributes.0.attributeValue")).toBe("attributes");
    expect(fieldLabel("customerOrderNumber")).toBe("customer PO");
    expect(fieldLabel("notes")).toBe("notes");
  });

  it("takes an added line's facts from after and a removed line's from before", () => {
    const d = diffOrders(before, {
      ...before,
      lines: [before.lines[0], line("009", "Z9", "LENOVO", "T14", 5, 1105.75)],
    });
    const added = d.lines.find((l) => l.change === "added")!;
    const removed = d.lines.find((l) => l.change === "removed")!;
    expect(lineFacts(added)).toEqual({
      line: "009",
      vendor: "LENOVO",
      part: "Z9",
      vendorPart: "T14",
      description: "LENOVO T14 DESCRIPTION",
      quantity: "5",
      unitPrice: "1105.75",
    });
    expect(lineFacts(removed)).toMatchObject({ line: "002", vendor: "APC", part: "B2", quantity: "1" });
  });
});
