import { describe, expect, it } from "vitest";
import { parsePastedLines } from "@/lib/orders/pasted-lines";

describe("parsePastedLines", () => {
  it("reads tab-separated rows as Excel copies them, upper-casing parts and skipping blank rows", () => {
    const r = parsePastedLines("c9200-24t\t3\t1299.00\r\n\r\nTSXML1\t2\t\n");
    expect(r.headerSkipped).toBe(false);
    expect(r.rejected).toEqual([]);
    expect(r.lines).toEqual([
      { ingramPartNumber: "C9200-24T", quantity: "3", unitPrice: "1299.00" },
      { ingramPartNumber: "TSXML1", quantity: "2", unitPrice: "" },
    ]);
  });

  it("reads comma- and semicolon-separated rows, with quoted cells and currency-formatted prices", () => {
    const r = parsePastedLines('A1,1,"$1,234.50"\nB2;4;99,90\n"C,3",2');
    expect(r.lines).toEqual([
      { ingramPartNumber: "A1", quantity: "1", unitPrice: "1234.50" },
      { ingramPartNumber: "B2", quantity: "4", unitPrice: "99.90" },
    ]);
    expect(r.rejected).toEqual([{ row: 3, text: '"C,3",2', errors: [expect.objectContaining({ field: "part" })] }]);
  });

  it("skips a header row and takes its column order", () => {
    const r = parsePastedLines("Qty\tUnit price\tIngram part number\n5\t10\tXYZ1");
    expect(r.headerSkipped).toBe(true);
    expect(r.lines).toEqual([{ ingramPartNumber: "XYZ1", quantity: "5", unitPrice: "10" }]);
  });

  it("names the row and the field of every problem, and keeps the good rows", () => {
    const r = parsePastedLines("Part,Qty,Price\nA1,2,10\nB2,two,5\n,1\nC3,0,abc");
    expect(r.lines).toEqual([{ ingramPartNumber: "A1", quantity: "2", unitPrice: "10" }]);
    expect(r.rejected.map((x) => [x.row, x.errors.map((e) => e.field)])).toEqual([
      [3, ["quantity"]],
      [4, ["part"]],
      [5, ["quantity", "price"]],
    ]);
    expect(r.rejected[0]!.errors[0]!.message).toBe('Quantity "two" must be a whole number from 1 to 9999.');
    expect(r.rejected[1]!.errors[0]!.message).toBe("Part number is missing.");
    expect(r.rejected[2]!.text).toBe("C3,0,abc");
  });

  it("refuses parts the API refuses and quantities past 9999", () => {
    const r = parsePastedLines("BAD PART,1\nTOO-LONG-PART-NUMBER-X,1\nOK1,10000\nOK2,9999");
    expect(r.rejected.map((x) => x.errors[0]!.field)).toEqual(["part", "part", "quantity"]);
    expect(r.lines).toEqual([{ ingramPartNumber: "OK2", quantity: "9999", unitPrice: "" }]);
  });

  it("refuses rows past the room left in the order, naming the limit", () => {
    const r = parsePastedLines("A1,1\nA2,1\nA3,1", 2);
    expect(r.lines).toHaveLength(2);
    expect(r.rejected).toEqual([
      { row: 3, text: "A3,1", errors: [{ field: "row", message: "The order is full: it takes at most 50 lines." }] },
    ]);
  });

  it("reads nothing from empty text", () => {
    expect(parsePastedLines("  \n\t\n")).toEqual({ lines: [], rejected: [], headerSkipped: false });
  });
});
