// What a reconciler concludes from the order Ingram shows, for each kind of change.
import { describe, expect, it } from "vitest";
import { reconciledOutcome } from "@/lib/audit/reconcile-verdict";

const held = {
  orderStatus: "On Hold",
  notes: "old",
  shipToInfo: { city: "Irvine", companyName: "ACME" },
  lines: [
    { ingramOrderLineNumber: "001", ingramPartNumber: "TSXML1", quantityOrdered: 2, lineNotes: "" },
    { ingramOrderLineNumber: "002", ingramPartNumber: "2GZ200", quantityOrdered: 1 },
  ],
};

describe("reconciledOutcome", () => {
  it("cancel: succeeded when the order shows cancelled, else unknown", () => {
    const i = { action: "order.cancel" as const, request: { cancel: true }, before: held };
    expect(reconciledOutcome(i, { ...held, orderStatus: "Canceled" })).toBe("succeeded");
    expect(reconciledOutcome(i, { ...held, orderStatus: "CANCELLED" })).toBe("succeeded");
    expect(reconciledOutcome(i, held)).toBe("unknown");
    expect(reconciledOutcome(i, null)).toBe("unknown");
  });

  it("release: succeeded when the order left hold (and is not cancelled)", () => {
    const i = { action: "order.release" as const, request: { actionCode: "release" }, before: held };
    expect(reconciledOutcome(i, { ...held, orderStatus: "In Progress" })).toBe("succeeded");
    expect(reconciledOutcome(i, held)).toBe("unknown");
    expect(reconciledOutcome(i, { ...held, orderStatus: "Canceled" })).toBe("unknown");
    expect(reconciledOutcome(i, {})).toBe("unknown");
  });

  it("create: succeeded when Ingram holds an order under the PO", () => {
    const i = { action: "order.create" as const, request: {}, before: null };
    expect(reconciledOutcome(i, { customerOrderNumber: "PO-1", ordersFound: [{ orderNumber: "20-X" }] })).toBe(
      "succeeded",
    );
    expect(reconciledOutcome(i, { customerOrderNumber: "PO-1", ordersFound: [] })).toBe("unknown");
    expect(reconciledOutcome({ ...i, action: "order.create_async" }, { ordersFound: [{}] })).toBe("succeeded");
  });

  it("modify: succeeded when every requested change is visible, partial when some are, unknown when none", () => {
    const body = {
      notes: "new",
      shipToInfo: { city: "Austin" },
      lines: [
        { addUpdateDeleteLine: "UPDATE", ingramLineNumber: "1", quantity: 5 },
        { addUpdateDeleteLine: "DELETE", ingramLineNumber: "002" },
        { addUpdateDeleteLine: "ADD", ingramPartNumber: "df4128", quantity: 3 },
      ],
    };
    const i = { action: "order.modify" as const, request: { input: {}, ingramRequest: body }, before: held };
    const done = {
      ...held,
      notes: "new",
      shipToInfo: { city: "Austin", companyName: "ACME" },
      lines: [
        { ingramOrderLineNumber: "001", ingramPartNumber: "TSXML1", quantityOrdered: 5 },
        { ingramOrderLineNumber: "003", ingramPartNumber: "DF4128", quantityOrdered: 3 },
      ],
    };
    expect(reconciledOutcome(i, done)).toBe("succeeded");
    expect(reconciledOutcome(i, { ...done, notes: "old" })).toBe("partially_succeeded");
    expect(reconciledOutcome(i, held)).toBe("unknown");
    expect(reconciledOutcome({ ...i, request: { notes: "old" } }, held)).toBe("succeeded");
    expect(reconciledOutcome({ ...i, request: {} }, held)).toBe("unknown");
  });
});
