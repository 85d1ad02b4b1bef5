import { describe, expect, it } from "vitest";
import { backoffMs, parseRateLimitReset, parseRetryAfter } from "@/lib/ingram/call-policy";

describe("retry policy", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");

  it("parses Retry-After as seconds or HTTP date", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Tue, 31 Dec 2024 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("reads X-RateLimit-Reset as epoch seconds or as a delta", () => {
    expect(parseRateLimitReset(String(now / 1000 + 12), now)).toBe(12_000);
    expect(parseRateLimitReset("12", now)).toBe(12_000);
    expect(parseRateLimitReset("x", now)).toBeUndefined();
  });

  it("backs off exponentially with jitter, never below Retry-After", () => {
    expect(backoffMs(0, 100, undefined, () => 0)).toBe(50);
    expect(backoffMs(0, 100, undefined, () => 1)).toBe(100);
    expect(backoffMs(2, 100, undefined, () => 1)).toBe(400);
    expect(backoffMs(0, 100, 2000, () => 1)).toBe(2000);
  });
});
