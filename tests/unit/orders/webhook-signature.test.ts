import { describe, expect, it } from "vitest";
import { signEventId } from "@/lib/ingram/sandbox/webhook-sender";
import { verifySignature } from "@/lib/orders/receive-ingram-webhook";

const SECRET = "unit-secret";
const ID = "EVT000000000000001";

describe("webhook signature: strict Base64", () => {
  const good = signEventId(SECRET, ID);

  it("accepts the canonical signature", () => {
    expect(good).toMatch(/==$/);
    expect(verifySignature(SECRET, ID, good)).toBe(true);
  });

  it.each([
    ["an empty header", ""],
    ["padding alone", "=="],
    ["bytes after the padding", `${good}AAAA`],
    ["a character after the padding", `${good}x`],
    ["padding removed", good.replace(/=+$/, "")],
    ["a space inside", `${good.slice(0, 10)} ${good.slice(10)}`],
    ["URL-safe alphabet", good.replace(/\+/g, "-").replace(/\//g, "_")],
    ["a newline inside", `${good.slice(0, 20)}\n${good.slice(20)}`],
  ])("refuses %s", (_, header) => {
    expect(verifySignature(SECRET, ID, header)).toBe(false);
  });

  it("refuses another event's signature, a missing header and an empty secret", () => {
    expect(verifySignature(SECRET, "OTHER", good)).toBe(false);
    expect(verifySignature(SECRET, ID, null)).toBe(false);
    expect(verifySignature("", ID, good)).toBe(false);
  });

  it("refuses a canonical Base64 value of the wrong length, and an empty header, without throwing", () => {
    expect(verifySignature(SECRET, ID, "AAAA")).toBe(false);
    expect(verifySignature(SECRET, ID, good.slice(0, -4))).toBe(false);
    expect(verifySignature(SECRET, ID, "")).toBe(false);
    expect(verifySignature(SECRET, ID, null)).toBe(false);
  });
});
