import { describe, expect, it } from "vitest";
import { isCorrelationId, newCorrelationId } from "@/lib/correlation-id";

describe("newCorrelationId", () => {
  it("returns 32 lowercase hex chars, unique per call", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newCorrelationId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it("isCorrelationId accepts only that format", () => {
    expect(isCorrelationId(newCorrelationId())).toBe(true);
    expect(isCorrelationId("fbac82ba-cf0a-4bcf-fc03-0c5084")).toBe(false);
    expect(isCorrelationId("A".repeat(32))).toBe(false);
    expect(isCorrelationId("a".repeat(33))).toBe(false);
    expect(isCorrelationId(undefined)).toBe(false);
  });
});
