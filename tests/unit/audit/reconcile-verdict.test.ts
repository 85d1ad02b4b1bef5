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

  describe("modify, change by change", () => {
    const modify = (ingramRequest: unknown, before: unknown = held) => ({
      action: "order.modify" as const,
      request: { ingramRequest },
      before,
    });
    const line = (n: string, more: Record<string, unknown> = {}) => ({
      ingramOrderLineNumber: n,
      ingramPartNumber: "TSXML1",
      quantityOrdered: 2,
      ...more,
    });
    const withLines = (...lines: unknown[]) => ({ ...held, lines });

    it("a line update: by number (digits compared as numbers, other numbers exactly), quantity and notes", () => {
      const update = (l: Record<string, unknown>) => modify({ lines: [{ addUpdateDeleteLine: "update", ...l }] });
      expect(
        reconciledOutcome(
          update({ ingramLineNumber: "1", quantity: 5 }),
          withLines(line("001", { quantityOrdered: 5, lineNotes: "x" })),
        ),
      ).toBe("succeeded");
      expect(
        reconciledOutcome(
          update({ ingramLineNumber: "10", quantity: 5 }),
          withLines(line("010", { quantityOrdered: 5 })),
        ),
      ).toBe("succeeded");
      expect(
        reconciledOutcome(
          update({ ingramLineNumber: "A1", quantity: 5 }),
          withLines(line("A1", { quantityOrdered: 5 })),
        ),
      ).toBe("succeeded");
      // Not the same line: another number, a number only partly digits, a line without a number.
      expect(
        reconciledOutcome(
          update({ ingramLineNumber: "2", quantity: 5 }),
          withLines(line("001", { quantityOrdered: 5 })),
        ),
      ).toBe("unknown");
      for (const [seen, asked] of [
        ["1e0", "1"],
        ["0x1", "1"],
        ["1", "1e0"],
        ["1", "0x1"],
      ]) {
        expect(
          reconciledOutcome(
            update({ ingramLineNumber: asked, quantity: 5 }),
            withLines(line(seen!, { quantityOrdered: 5 })),
          ),
          `${seen} ${asked}`,
        ).toBe("unknown");
      }
      expect(
        reconciledOutcome(update({ quantity: 5 }), withLines({ ingramPartNumber: "TSXML1", quantityOrdered: 5 })),
      ).toBe("unknown");
      // Notes only: the quantity is not compared; notes must match (a missing note is an empty one).
      expect(
        reconciledOutcome(
          update({ ingramLineNumber: "1", notes: " rush " }),
          withLines(line("001", { lineNotes: "rush" })),
        ),
      ).toBe("succeeded");
      expect(
        reconciledOutcome(update({ ingramLineNumber: "1", notes: "" }), withLines(line("001", { lineNotes: null }))),
      ).toBe("succeeded");
      expect(
        reconciledOutcome(update({ ingramLineNumber: "1", notes: "rush" }), withLines(line("001", { lineNotes: "" }))),
      ).toBe("unknown");
      // The line is gone, or a junk entry sits among the lines: not visible, no crash.
      expect(reconciledOutcome(update({ ingramLineNumber: "3", quantity: 5 }), withLines(null, "x", line("001")))).toBe(
        "unknown",
      );
      expect(reconciledOutcome(update({ ingramLineNumber: "3", notes: "rush" }), withLines(line("001")))).toBe(
        "unknown",
      );
    });

    it("a line delete is visible when the line is gone", () => {
      const del = modify({ lines: [{ addUpdateDeleteLine: "DELETE", ingramLineNumber: "002" }] });
      expect(reconciledOutcome(del, withLines(line("001")))).toBe("succeeded");
      expect(reconciledOutcome(del, held)).toBe("unknown");
    });

    it("a line add is visible when one more line of that part (and quantity, if given) shows than before", () => {
      const add = (l: Record<string, unknown>, before: unknown = held) =>
        modify({ lines: [{ addUpdateDeleteLine: "ADD", ingramPartNumber: "df4128", ...l }] }, before);
      const added = (more: Record<string, unknown>) =>
        withLines(...held.lines, line("003", { ingramPartNumber: "DF4128", ...more }));
      expect(reconciledOutcome(add({ quantity: 3 }), added({ quantityOrdered: 3 }))).toBe("succeeded");
      expect(reconciledOutcome(add({}), added({ quantityOrdered: 7 }))).toBe("succeeded");
      expect(reconciledOutcome(add({ quantity: 3 }), added({ quantityOrdered: 1 }))).toBe("unknown");
      expect(reconciledOutcome(add({ quantity: 3 }), added({ ingramPartNumber: "OTHER", quantityOrdered: 3 }))).toBe(
        "unknown",
      );
      // No order read before (null): every matching line counts as new.
      expect(reconciledOutcome(add({ quantity: 3 }, null), added({ quantityOrdered: 3 }))).toBe("succeeded");
      // Entries that are not objects are not lines.
      expect(reconciledOutcome(add({ ingramPartNumber: undefined }), withLines(...held.lines, "junk", 7))).toBe(
        "unknown",
      );
    });

    it("notes and ship-to: every field asked for must show; whitespace around notes does not count", () => {
      expect(reconciledOutcome(modify({ notes: " new " }), { ...held, notes: "new" })).toBe("succeeded");
      expect(reconciledOutcome(modify({ notes: "new" }), { ...held, notes: "  new" })).toBe("succeeded");
      const both = modify({ notes: "new", shipToInfo: { city: "Austin", companyName: "ACME" } });
      expect(reconciledOutcome(both, { ...held, notes: "new" })).toBe("partially_succeeded");
      expect(
        reconciledOutcome(both, { ...held, notes: "new", shipToInfo: { city: "Austin", companyName: "ACME" } }),
      ).toBe("succeeded");
    });

    it("is unknown without an order object to compare, a request, or a change it knows", () => {
      // notes "" would be visible on any order object, so only the observed value's shape decides here.
      const blank = modify({ notes: "" });
      expect(reconciledOutcome(blank, {})).toBe("succeeded");
      for (const observed of [null, undefined, "On Hold", 0, [], [held]])
        expect(reconciledOutcome(blank, observed), JSON.stringify(observed)).toBe("unknown");
      expect(reconciledOutcome({ action: "order.modify", request: null, before: held }, held)).toBe("unknown");
      expect(reconciledOutcome(modify({ lines: [null, "x", { addUpdateDeleteLine: "MOVE" }] }), held)).toBe("unknown");
      // An action it does not know is not read as an add, even when a matching line appeared.
      const newLine = { ingramOrderLineNumber: "003", ingramPartNumber: "DF4128", quantityOrdered: 1 };
      const move = modify({ lines: [{ addUpdateDeleteLine: "MOVE", ingramPartNumber: "DF4128" }] });
      expect(reconciledOutcome(move, { ...held, lines: [...held.lines, newLine] })).toBe("unknown");
      // The portal's stored shape ({ ingramRequest }) or the bare body.
      expect(
        reconciledOutcome(
          { action: "order.modify", request: { notes: "new" }, before: held },
          { ...held, notes: "new" },
        ),
      ).toBe("succeeded");
    });
  });

  it("create: unknown without a search result to read", () => {
    const i = { action: "order.create" as const, request: {}, before: null };
    for (const observed of [null, {}, { ordersFound: "20-X" }]) expect(reconciledOutcome(i, observed)).toBe("unknown");
  });

  it("an action that is not an order change is never reconciled", () => {
    expect(
      reconciledOutcome({ action: "user.create" as never, request: {}, before: null }, { ordersFound: [{}] }),
    ).toBe("unknown");
  });
});
