import { describe, expect, it } from "vitest";
import { redactRequest, toStorableJson } from "@/lib/redact";

describe("redactRequest", () => {
  it("removes secret-looking keys at every depth and keeps the rest", () => {
    const input = {
      email: "ann@example.com",
      password: "hunter2",
      newPassword: "x",
      headers: { Authorization: "Bearer abc", "x-api-key": "k", accept: "json" },
      nested: [{ access_token: "t", clientSecret: "s", quantity: 2, items: [{ refreshToken: "r", sku: "A" }] }],
      cookie: "sid=1",
    };
    expect(redactRequest(input)).toEqual({
      email: "ann@example.com",
      headers: { accept: "json" },
      nested: [{ quantity: 2, items: [{ sku: "A" }] }],
    });
    expect(JSON.stringify(redactRequest(input))).not.toMatch(/hunter2|Bearer|sid=1|"t"|"s"|"r"/);
  });

  it("returns null for undefined and leaves non-secret values alone", () => {
    expect(redactRequest(undefined)).toBeNull();
    expect(redactRequest({ customerOrderNumber: "PO-1", notes: "token-less" })).toEqual({
      customerOrderNumber: "PO-1",
      notes: "token-less",
    });
  });
});

describe("toStorableJson", () => {
  it("makes values jsonb accepts", () => {
    expect(toStorableJson({ a: "x\u0000y", b: "\ud800z", c: undefined, d: () => 1, e: NaN, f: 5n })).toEqual({
      a: "xy",
      b: "\ufffdz",
      e: null,
      f: "5",
    });
    expect(toStorableJson(new Date("2026-01-01T00:00:00Z"))).toBe("2026-01-01T00:00:00.000Z");
    expect(toStorableJson([undefined, 1])).toEqual([null, 1]);
  });

  it("cuts cycles and very deep values", () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(JSON.stringify(toStorableJson(a))).toContain("[depth]");
  });
});
