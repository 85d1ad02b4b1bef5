import { describe, expect, it } from "vitest";
import { holdVoidsAt, remainingWords } from "@/lib/orders/hold-void";

const now = Date.parse("2026-11-30T12:00:00Z");

describe("when Ingram voids a held order (24 h after it was placed; Ingram gives the rule, not a date)", () => {
  it("is exact when Ingram dates the order with a time and offset", () => {
    expect(holdVoidsAt("2026-11-30T01:30:00-07:00", now)).toEqual({
      at: "2026-12-01T08:30:00.000Z",
      exact: true,
      remainingMs: 20.5 * 3_600_000,
    });
  });

  it("gives the latest bound the rule allows when Ingram sends a day only", () => {
    const v = holdVoidsAt("2026-11-30", now);
    expect(v).toMatchObject({ at: "2026-12-02T00:00:00.000Z", exact: false });
  });

  it("says it is past once the deadline is, and nothing for a missing or unreadable date", () => {
    expect(holdVoidsAt("2026-11-28T10:00:00Z", now)!.remainingMs).toBeLessThan(0);
    expect(holdVoidsAt(null, now)).toBeNull();
    expect(holdVoidsAt("yesterday", now)).toBeNull();
  });

  it("words the time left", () => {
    expect(remainingWords(20.5 * 3_600_000)).toBe("in 20 h 30 min");
    expect(remainingWords(3 * 3_600_000)).toBe("in 3 h");
    expect(remainingWords(61_000)).toBe("in 2 min");
    expect(remainingWords(0)).toBe("now");
  });
});
