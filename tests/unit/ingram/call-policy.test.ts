import { describe, expect, it } from "vitest";
import { CircuitBreaker, backoffMs, parseRateLimitReset, parseRetryAfter, type Permit } from "@/lib/ingram/call-policy";

const permit = (b: CircuitBreaker): Permit => {
  const p = b.acquire();
  if (!("success" in p)) throw new Error("expected a permit");
  return p;
};

describe("CircuitBreaker", () => {
  it("opens after the threshold, fails fast, allows one probe per window, closes on success", () => {
    let t = 0;
    const b = new CircuitBreaker({ failureThreshold: 3, openMs: 5000, now: () => t });
    permit(b).failure();
    permit(b).failure();
    permit(b).success(); // resets the streak
    for (let i = 0; i < 3; i++) permit(b).failure();
    expect(b.currentState).toBe("open");
    expect(b.acquire()).toEqual({ retryInMs: 5000 });
    t = 4999;
    expect("retryInMs" in b.acquire()).toBe(true);
    t = 5000;
    const probe = permit(b);
    expect(b.currentState).toBe("half-open");
    expect("retryInMs" in b.acquire()).toBe(true); // only one probe at a time
    probe.failure();
    expect(b.currentState).toBe("open");
    t = 9999;
    expect("retryInMs" in b.acquire()).toBe(true);
    t = 10_000;
    permit(b).success();
    expect(b.currentState).toBe("closed");
    expect("success" in b.acquire()).toBe(true);
  });

  it("a released probe frees the slot without closing", () => {
    let t = 0;
    const b = new CircuitBreaker({ failureThreshold: 1, openMs: 100, now: () => t });
    permit(b).failure();
    t = 100;
    permit(b).release();
    expect(b.currentState).toBe("open");
    expect("success" in b.acquire()).toBe(true);
  });
});

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
