import { describe, expect, it } from "vitest";
import { auditFiltersSchema, dateBounds, parseAuditFilters } from "@/lib/validation/audit-filters";

describe("audit filters", () => {
  it("parses URL search params with defaults, blanks as absent", () => {
    const r = parseAuditFilters(
      new URLSearchParams("orderNumber=20-RD3QV&actor=ann&action=order.cancel&outcome=&page=2"),
    );
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ orderNumber: "20-RD3QV", actor: "ann", action: "order.cancel", page: 2, pageSize: 50 });
  });

  it("accepts Next's searchParams object (first of repeated keys)", () => {
    const r = parseAuditFilters({ pageSize: ["100", "5"], outcome: "failed", unknownKey: "x" });
    expect(r.data).toEqual({ outcome: "failed", page: 1, pageSize: 100 });
  });

  it("rejects out-of-range and unknown values with field paths", () => {
    for (const [input, path] of [
      [{ pageSize: "101" }, "pageSize"],
      [{ pageSize: "0" }, "pageSize"],
      [{ page: "-1" }, "page"],
      [{ action: "order.delete" }, "action"],
      [{ outcome: "maybe" }, "outcome"],
      [{ orderNumber: "../etc/passwd" }, "orderNumber"],
      [{ from: "yesterday" }, "from"],
      [{ from: "2026-02-30T25:00:00Z" }, "from"],
      [{ cursor: "0" }, "cursor"],
      [{ cursor: "1e5" }, "cursor"],
      [{ from: "2026-02-01", to: "2026-01-01" }, "to"],
      [{ actor: "x".repeat(255) }, "actor"],
    ] as const) {
      const r = auditFiltersSchema.safeParse(input);
      expect(r.success, JSON.stringify(input)).toBe(false);
      expect(r.error!.issues[0]?.path.join("."), JSON.stringify(input)).toBe(path);
    }
  });

  it("makes a date-only `to` include the whole UTC day", () => {
    expect(dateBounds({ from: "2026-01-01", to: "2026-01-31" })).toEqual({
      gte: new Date("2026-01-01T00:00:00.000Z"),
      lt: new Date("2026-02-01T00:00:00.000Z"),
    });
    expect(dateBounds({ to: "2026-01-31T12:00:00.000Z" }).lt).toEqual(new Date("2026-01-31T12:00:00.001Z"));
    expect(parseAuditFilters({ from: "2026-01-31", to: "2026-01-31" }).success).toBe(true);
  });
});
