import { describe, expect, it } from "vitest";
import { maskSecretText, redactUpstream, upstreamText } from "@/lib/redact";

const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig-nature_value";

describe("maskSecretText", () => {
  it.each([
    ["Authorization: Bearer abc.def-ghi", "abc.def-ghi"],
    ["token was Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA=="],
    [`a JWT ${JWT} in the middle`, JWT],
    ["client_secret=s3cr3t&grant_type=client_credentials", "s3cr3t"],
    ['{"access_token":"tok-123"}', "tok-123"],
    ["password: hunter2", "hunter2"],
    ["key 0123456789abcdef0123456789abcdef01 leaked", "0123456789abcdef0123456789abcdef01"],
  ])("masks %s", (text, secret) => {
    const masked = maskSecretText(text);
    expect(masked).not.toContain(secret);
    expect(masked).toContain("[redacted]");
  });

  it("keeps ordinary Ingram messages as they are", () => {
    for (const text of [
      "Order 20-RD3QV is not on hold.",
      "Invalid value for customerOrderNumber: must be at most 18 characters",
      "Line 2: SKU 1234567 is discontinued (E1002)",
    ]) {
      expect(maskSecretText(text)).toBe(text);
    }
  });
});

describe("upstreamText", () => {
  it("masks, keeps one line and caps the length", () => {
    const out = upstreamText(`Denied for Bearer ${JWT}\nsecond line ${"x ".repeat(300)}`);
    expect(out).toBe("Denied for Bearer [redacted]");
    expect(upstreamText(`ok ${"word ".repeat(100)}`)).toHaveLength(200);
    expect(upstreamText("x ".repeat(100), 40)).toHaveLength(40);
  });
});

describe("redactUpstream", () => {
  it("masks every string, drops secret-looking keys and caps long strings", () => {
    const out = redactUpstream([
      { message: `Bearer ${JWT}`, token: "t", fields: [{ field: "notes", message: "y".repeat(5000) }] },
    ]) as { message: string; token?: string; fields: { message: string }[] }[];
    expect(out[0]!.message).toBe("Bearer [redacted]");
    expect(out[0]!.token).toBeUndefined();
    expect(out[0]!.fields[0]!.message.length).toBeLessThanOrEqual(1000);
  });
});
