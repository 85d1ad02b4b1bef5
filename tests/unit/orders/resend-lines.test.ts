import { describe, expect, it } from "vitest";
import { prefillLines, resendHref } from "@/app/(portal)/orders/_form/resend-lines";
import type { LineResult } from "@/lib/orders/dto-types";

const line = (p: Partial<LineResult>): LineResult => ({
  ingramPartNumber: null,
  quantity: null,
  customerLineNumber: null,
  lineNumber: null,
  orderNumber: null,
  result: "accepted",
  reason: null,
  status: null,
  ...p,
});

describe("Resend rejected lines", () => {
  it("links to a new order with only the rejected lines, part and quantity, and reads them back", () => {
    const href = resendHref([
      line({ ingramPartNumber: "TSXML1", quantity: 2 }),
      line({ ingramPartNumber: "XXXXXX", quantity: 3, result: "rejected" }),
      line({ ingramPartNumber: "YY-1/2", quantity: null, result: "rejected" }),
    ]);
    expect(href).toBe("/orders/new?line=XXXXXX*3&line=YY-1%2F2*1");
    const q = new URLSearchParams(href!.split("?")[1]);
    expect(prefillLines(q.getAll("line"))).toEqual([
      { ingramPartNumber: "XXXXXX", quantity: "3" },
      { ingramPartNumber: "YY-1/2", quantity: "1" },
    ]);
  });

  it("has nothing to resend when no line was rejected", () => {
    expect(resendHref([line({ ingramPartNumber: "TSXML1", quantity: 1 })])).toBeNull();
  });

  it("skips what it cannot read and never guesses a quantity above what was asked", () => {
    expect(prefillLines(["<script>*1", "ABC*0", "DEF", "", "GHI*x"])).toEqual([
      { ingramPartNumber: "ABC", quantity: "1" },
      { ingramPartNumber: "DEF", quantity: "1" },
    ]);
    expect(prefillLines(undefined)).toEqual([]);
    expect(prefillLines(Array.from({ length: 500 }, () => "A*1"))).toHaveLength(100);
  });
});
