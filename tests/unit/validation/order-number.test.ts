import { describe, expect, it } from "vitest";
import {
  isOrderNumber,
  ORDER_NUMBER_MAX_LENGTH,
  orderNumberSchema,
  searchOrderNumberSchema,
} from "@/lib/validation/order-number";

describe("the order-number allowlist", () => {
  it("accepts Ingram's order and sub-order numbers up to 12 characters", () => {
    for (const n of ["20-RD3QV", "20-RD3QV-11", "20-SHP01", "A".repeat(ORDER_NUMBER_MAX_LENGTH)]) {
      expect(isOrderNumber(n), n).toBe(true);
    }
  });

  it("refuses traversal, encodings, separators and over-long values", () => {
    for (const n of ["", "../etc", "20%2FRD", "20/RD", "20.RD", "20 RD", "20-RD3QV\n", "A".repeat(13), "ü-1"]) {
      expect(isOrderNumber(n), JSON.stringify(n)).toBe(false);
    }
    expect(isOrderNumber(42)).toBe(false);
  });

  it("names the rule in its message", () => {
    expect(orderNumberSchema.safeParse("a/b").error?.issues[0]?.message).toMatch(/letters, digits and dashes/);
    expect(orderNumberSchema.safeParse("A".repeat(13)).error?.issues[0]?.message).toMatch(/at most 12/);
  });

  it("limits search's ingramOrderNumber to 11", () => {
    expect(searchOrderNumberSchema.safeParse("20-RD3QV-11").success).toBe(true);
    expect(searchOrderNumberSchema.safeParse("20-RD3QV-112").success).toBe(false);
  });
});
