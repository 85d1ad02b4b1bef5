import { describe, expect, it } from "vitest";
import { formatMoney, formatNumber } from "@/app/_components/format";

/* Formatters are built once per currency: each amount must still carry its own currency. */

describe("formatMoney", () => {
  it("writes the currency's code with the amount, each currency its own, in any order", () => {
    expect(formatMoney(1234.5, "USD")).toBe("USD 1,234.50");
    expect(formatMoney(1234.5, "EUR")).toBe("EUR 1,234.50");
    expect(formatMoney(7, "JPY")).toBe("JPY 7");
    expect(formatMoney(1234.5, "USD")).toBe("USD 1,234.50");
  });

  it("without a currency shows two decimals; without an amount a dash; an unknown code is written out", () => {
    expect(formatMoney(1234.5)).toBe("1,234.50");
    expect(formatMoney(null, "USD")).toBe("—");
    expect(formatMoney(Number.NaN, "USD")).toBe("—");
    expect(formatMoney(3, "NOT-A-CODE")).toBe("NOT-A-CODE 3.00");
    expect(formatMoney(3, "NOT-A-CODE")).toBe("NOT-A-CODE 3.00");
  });
});

describe("formatNumber", () => {
  it("groups thousands and shows a dash for nothing", () => {
    expect(formatNumber(24950)).toBe("24,950");
    expect(formatNumber(undefined)).toBe("—");
  });
});
