// Secrets are compared in constant time. Timing cannot be asserted reliably on a shared machine, so this checks
// the mechanism instead: every decision on a webhook signature or a device cookie that gets as far as comparing
// bytes is made by crypto.timingSafeEqual (the real one, spied on), and its answer is the verdict. A `===`,
// Buffer.equals or an early-exit loop in its place fails here.
import { createHmac } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";

const spy = vi.hoisted(() => ({ calls: [] as { a: Buffer; b: Buffer; result: boolean }[] }));

vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  const timingSafeEqual = (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
    const result = real.timingSafeEqual(a, b);
    spy.calls.push({ a: Buffer.from(a as Buffer), b: Buffer.from(b as Buffer), result });
    return result;
  };
  return { ...real, default: { ...real, timingSafeEqual }, timingSafeEqual };
});

const { verifySignature } = await import("@/lib/orders/receive-ingram-webhook");
const { issueDeviceToken, verifiedDeviceId } = await import("@/lib/auth/device-cookie");

const SECRET = "unit-secret";
const ID = "EVT000000000000001";
const sig = (secret: string, id: string) => createHmac("sha512", secret).update(id, "utf8").digest("base64");

beforeEach(() => {
  spy.calls = [];
});

describe("constant-time comparisons", () => {
  it("a webhook signature is accepted or refused by timingSafeEqual over the 64-byte digests", () => {
    expect(verifySignature(SECRET, ID, sig(SECRET, ID))).toBe(true);
    // Same length, wrong bytes: only the comparison can refuse it.
    expect(verifySignature(SECRET, ID, sig("another-secret", ID))).toBe(false);
    expect(spy.calls.map((c) => [c.a.length, c.b.length, c.result])).toEqual([
      [64, 64, true],
      [64, 64, false],
    ]);
  });

  it("a device cookie is accepted or refused by timingSafeEqual", () => {
    const token = issueDeviceToken("pat@example.com");
    expect(verifiedDeviceId(token, "pat@example.com")).toBe(token.split(".")[0]);
    const [deviceId, mac] = token.split(".");
    const flipped = `${deviceId}.${mac!.startsWith("A") ? "B" : "A"}${mac!.slice(1)}`;
    expect(verifiedDeviceId(flipped, "pat@example.com")).toBeNull();
    expect(spy.calls.map((c) => c.result)).toEqual([true, false]);
  });
});
