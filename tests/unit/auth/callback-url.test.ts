import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, loginUrl, redirectOnOwnOrigin, safeCallbackPath } from "@/lib/auth/callback-url";

const OWN = "https://portal.example.com";

describe("safeCallbackPath", () => {
  it("keeps relative paths and own-origin URLs as paths", () => {
    expect(safeCallbackPath("/orders/20-RD128?tab=lines#x")).toBe("/orders/20-RD128?tab=lines#x");
    expect(safeCallbackPath(`${OWN}/audit?page=2`, OWN)).toBe("/audit?page=2");
    expect(safeCallbackPath("/a/../orders")).toBe("/orders");
  });

  it.each([
    "https://evil.example",
    "//evil.example/orders",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    "http://portal.example.com.evil.example/",
    "https://portal.example.com@evil.example/",
    "http://portal.example.com/orders",
    "orders",
    "",
    " /orders",
    "/%0d%0aSet-Cookie:x",
  ])("refuses %j", (value) => {
    const out = safeCallbackPath(value, OWN);
    expect(out.startsWith("/") && !out.startsWith("//")).toBe(true);
    expect(new URL(out, OWN).origin).toBe(OWN);
    if (!value.startsWith("/%0d")) expect(out).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("never leaves the origin for any input (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.string().map((s) => `/${s}`),
          fc.string().map((s) => `//${s}`),
        ),
        (v) => {
          const out = safeCallbackPath(v, OWN);
          return out.startsWith("/") && !out.startsWith("//") && new URL(out, OWN).origin === OWN;
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("next-auth redirect callback lands on our own origin", () => {
    expect(redirectOnOwnOrigin({ url: "https://evil.example/x", baseUrl: OWN })).toBe(`${OWN}${DEFAULT_AFTER_SIGN_IN}`);
    expect(redirectOnOwnOrigin({ url: "/orders/1", baseUrl: OWN })).toBe(`${OWN}/orders/1`);
    expect(redirectOnOwnOrigin({ url: OWN, baseUrl: OWN })).toBe(`${OWN}/`);
  });

  it("builds a login URL with a relative callbackUrl only", () => {
    expect(loginUrl("/orders/20-RD128")).toBe("/login?callbackUrl=%2Forders%2F20-RD128");
    expect(loginUrl("https://evil.example")).toBe(`/login?callbackUrl=${encodeURIComponent(DEFAULT_AFTER_SIGN_IN)}`);
  });
});
