import { describe, expect, it } from "vitest";
import { retryAfterSeconds, retryLabel } from "@/app/_components/retry-after";

const now = Date.parse("2025-01-01T00:00:00Z");

describe("Retry-After for a Retry button", () => {
  it("reads delta-seconds, rounding a fraction up", () => {
    expect(retryAfterSeconds("30", now)).toBe(30);
    expect(retryAfterSeconds("0.2", now)).toBe(1);
  });

  it("reads an HTTP date, and a date already past as no wait", () => {
    expect(retryAfterSeconds("Wed, 01 Jan 2025 00:01:05 GMT", now)).toBe(65);
    expect(retryAfterSeconds("Tue, 31 Dec 2024 23:00:00 GMT", now)).toBe(0);
  });

  it("treats a missing or unreadable header as no wait", () => {
    expect(retryAfterSeconds(null, now)).toBe(0);
    expect(retryAfterSeconds("soon", now)).toBe(0);
    expect(retryAfterSeconds("-5", now)).toBe(0);
  });

  it("labels the countdown", () => {
    expect(retryLabel(0)).toBe("Retry");
    expect(retryLabel(9)).toBe("Retry in 9 s");
    expect(retryLabel(65)).toBe("Retry in 1:05");
  });
});
