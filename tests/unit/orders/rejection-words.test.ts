import { describe, expect, it } from "vitest";
import { toCreateResult } from "@/lib/orders/dto";
import { describeRejection } from "@/lib/orders/rejection-words";

describe("Ingram's line rejection codes in plain words, the raw code kept", () => {
  it("says what SKU-NOTFOUND means and keeps Ingram's text and code", () => {
    expect(describeRejection("SKU-NOTFOUND XXXXXX (EN)")).toEqual({
      words: "Ingram does not know the part number XXXXXX",
      raw: "SKU-NOTFOUND XXXXXX (EN)",
    });
  });

  it("reads the padded reason as the sandbox and Ingram's samples send it, and a v7 webhook's bare reason", () => {
    expect(describeRejection("SKU-NOTFOUND    ABC123").words).toBe("Ingram does not know the part number ABC123");
    expect(describeRejection("SKU-NOTFOUND    ABC123").raw).toBe("SKU-NOTFOUND ABC123");
  });

  it("words the quantity and line codes, by reason or by the code alone", () => {
    expect(describeRejection("ERROR-INVALID-QTY (EQ)").words).toBe("Ingram does not accept this quantity");
    expect(describeRejection("EQ").words).toBe("Ingram does not accept this quantity");
    expect(describeRejection("ERROR-LINE-NOT-FOUND (EL)").words).toMatch(/^The order has no line with this number/);
    expect(describeRejection("EN")).toEqual({ words: "Ingram does not know this part number", raw: "EN" });
  });

  it("words the v7 failures the sandbox sends (an unknown quote)", () => {
    expect(describeRejection("Quote not found or not valid for ordering").words).toMatch(/does not know this quote/);
  });

  it("keeps unknown text as Ingram wrote it, inventing nothing", () => {
    expect(describeRejection("CREDIT-BLOCK (ZZ)")).toEqual({ words: "CREDIT-BLOCK (ZZ)", raw: "CREDIT-BLOCK (ZZ)" });
    expect(describeRejection("  ")).toEqual({ words: "Ingram Micro rejected this line without a reason", raw: null });
    expect(describeRejection(null).raw).toBeNull();
  });

  it("reads the reason the portal stores after a 207 (dto.ts: reason, then the code in brackets)", () => {
    const result = toCreateResult(
      {
        orders: [
          {
            ingramOrderNumber: "20-AAAAA",
            rejectedLineItems: [
              {
                customerLinenumber: "2",
                ingramPartNumber: "XXXXXX",
                rejectCode: "EN",
                rejectReason: "SKU-NOTFOUND    XXXXXX",
              },
            ],
          },
        ],
      },
      "PO-1",
    );
    const reason = result.lines[0]?.reason ?? null;
    expect(describeRejection(reason)).toEqual({
      words: "Ingram does not know the part number XXXXXX",
      raw: "SKU-NOTFOUND XXXXXX (EN)",
    });
  });
});

describe("the reasons a v7 failure webhook carries", () => {
  it("names the part even behind the field Ingram prefixes", () => {
    expect(describeRejection("lines[0].ingramPartNumber: SKU-NOTFOUND XXXXXX").words).toBe(
      "Ingram does not know the part number XXXXXX",
    );
  });
});
