import { describe, expect, it } from "vitest";
import { diffOrders, diffValues } from "@/lib/audit/diff";

const before = {
  ingramOrderNumber: "20-RD3QV",
  orderStatus: "ON HOLD",
  notes: "old",
  shipToInfo: { city: "Austin", postalCode: "78701" },
  lines: [
    { ingramOrderLineNumber: "001", ingramPartNumber: "A1", quantityOrdered: 2 },
    { ingramOrderLineNumber: "002", ingramPartNumber: "B2", quantityOrdered: 1 },
  ],
};

describe("diffOrders", () => {
  it("reports changed header fields by dotted path and lines by Ingram line number", () => {
    const after = {
      ...before,
      notes: "new",
      shipToInfo: { city: "Dallas", postalCode: "78701" },
      lines: [
        { ingramOrderLineNumber: "002", ingramPartNumber: "B2", quantityOrdered: 1 },
        { ingramOrderLineNumber: "001", ingramPartNumber: "A1", quantityOrdered: 5 },
        { ingramOrderLineNumber: "003", ingramPartNumber: "C3", quantityOrdered: 4 },
      ],
    };
    const d = diffOrders(before, after);
    expect(d.fields).toEqual([
      { path: "notes", before: "old", after: "new" },
      { path: "shipToInfo.city", before: "Austin", after: "Dallas" },
    ]);
    expect(d.lines).toEqual([
      { key: "001", change: "changed", fields: [{ path: "quantityOrdered", before: 2, after: 5 }] },
      {
        key: "003",
        change: "added",
        fields: [
          { path: "ingramOrderLineNumber", before: null, after: "003" },
          { path: "ingramPartNumber", before: null, after: "C3" },
          { path: "quantityOrdered", before: null, after: 4 },
        ],
      },
    ]);
  });

  it("reports removed lines and matches modify replies by ingramLineNumber", () => {
    const reply = { orderStatus: "CANCELLED", lines: [{ ingramLineNumber: "001", quantityOrdered: 2 }] };
    const d = diffOrders(
      { orderStatus: "ON HOLD", lines: [{ ingramLineNumber: "001", quantityOrdered: 2 }, { ingramLineNumber: "002" }] },
      reply,
    );
    expect(d.fields).toEqual([{ path: "orderStatus", before: "ON HOLD", after: "CANCELLED" }]);
    expect(d.lines).toEqual([
      { key: "002", change: "removed", fields: [{ path: "ingramLineNumber", before: "002", after: null }] },
    ]);
  });

  it("is empty for equal orders and treats null/missing alike", () => {
    expect(diffOrders(before, structuredClone(before))).toEqual({ fields: [], lines: [] });
    expect(diffValues({ a: null, b: 1 }, { b: 1 })).toEqual([]);
  });

  it("treats missing, null, [] and {} as the same, so a cancel reply's empty attributes are no change", () => {
    const held = { orderStatus: "ON HOLD", lines: [{ ingramLineNumber: "001", serialNumbers: null }] };
    const cancelled = {
      orderStatus: "CANCELLED",
      additionalAttributes: [],
      shipToInfo: {},
      notes: null,
      lines: [{ ingramLineNumber: "001", serialNumbers: [] }],
    };
    expect(diffOrders(held, cancelled)).toEqual({
      fields: [{ path: "orderStatus", before: "ON HOLD", after: "CANCELLED" }],
      lines: [],
    });
    expect(diffValues({ a: [], b: {} }, { a: null, b: [] })).toEqual([]);
    expect(diffValues({ a: {} }, {})).toEqual([]);
    // Emptiness is only equal to emptiness: a value appearing or vanishing is still a change.
    expect(diffValues({ a: [] }, { a: [{ name: "x" }] })).toEqual([{ path: "a.0.name", before: null, after: "x" }]);
    expect(diffValues({ a: [] }, { a: "x" })).toEqual([{ path: "a", before: [], after: "x" }]);
  });

  it("handles non-object inputs and lines without keys (by position)", () => {
    expect(diffOrders(null, { orderStatus: "X" }).fields).toEqual([{ path: "orderStatus", before: null, after: "X" }]);
    const d = diffOrders({ lines: [{ q: 1 }] }, { lines: [{ q: 2 }] });
    expect(d.lines).toEqual([{ key: "#0", change: "changed", fields: [{ path: "q", before: 1, after: 2 }] }]);
    expect(diffOrders("junk", 42)).toEqual({ fields: [], lines: [] });
  });
});
