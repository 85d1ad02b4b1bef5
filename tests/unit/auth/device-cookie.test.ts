// Device cookies (OWASP): a token names one account and one device, cannot be forged or moved to another
// account, and travels only to the sign-in endpoints, out of scripts' reach.
import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { DEVICE_COOKIE, deviceCookieHeader, issueDeviceToken, verifiedDeviceId } from "@/lib/auth/device-cookie";
import { env } from "@/lib/env.mjs";
import { noteDeviceToken, noteThrottled, presentedDeviceToken, withSignInAttempt } from "@/lib/auth/sign-in-attempt";

describe("device token", () => {
  it("is a 22-character device id and its MAC, verified for the same account in any case or spacing", () => {
    const token = issueDeviceToken("Ann@Example.com");
    const [id, mac, extra] = token.split(".");
    expect(id).toMatch(/^[\w-]{22}$/);
    expect(extra).toBeUndefined();
    const key = createHmac("sha256", env.nextauthSecret).update("orderdesk device cookie v1").digest();
    expect(mac).toBe(createHmac("sha256", key).update(`${id}|ann@example.com`).digest("base64url"));
    expect(verifiedDeviceId(token, "ann@example.com")).toBe(id);
    expect(verifiedDeviceId(token, "  ANN@example.COM ")).toBe(id);
    expect(issueDeviceToken("ann@example.com")).not.toBe(token);
  });

  it("is refused when missing, for another account, forged, or not exactly two parts", () => {
    const token = issueDeviceToken("ann@example.com");
    const [id, mac] = token.split(".") as [string, string];
    const other = issueDeviceToken("bob@example.com").split(".")[0]!;
    expect(verifiedDeviceId(undefined, "ann@example.com")).toBeNull();
    expect(verifiedDeviceId("", "ann@example.com")).toBeNull();
    expect(verifiedDeviceId(token, "bob@example.com")).toBeNull();
    expect(verifiedDeviceId(`${other}.${mac}`, "ann@example.com")).toBeNull();
    expect(verifiedDeviceId(`${id}.${mac.slice(0, -1)}`, "ann@example.com")).toBeNull();
    expect(verifiedDeviceId(`${id}.${mac}x`, "ann@example.com")).toBeNull();
    expect(verifiedDeviceId(`${id}.`, "ann@example.com")).toBeNull();
    expect(verifiedDeviceId(`.${mac}`, "ann@example.com")).toBeNull();
    expect(verifiedDeviceId(`${token}.x`, "ann@example.com")).toBeNull();
  });

  it("needs a device id of exactly 22 URL-safe characters, even with a valid MAC for it", () => {
    const key = createHmac("sha256", env.nextauthSecret).update("orderdesk device cookie v1").digest();
    const signed = (id: string) =>
      `${id}.${createHmac("sha256", key).update(`${id}|ann@example.com`).digest("base64url")}`;
    expect(verifiedDeviceId(signed("a".repeat(22)), "ann@example.com")).toBe("a".repeat(22));
    expect(verifiedDeviceId(signed("a".repeat(21)), "ann@example.com")).toBeNull();
    expect(verifiedDeviceId(signed("a".repeat(23)), "ann@example.com")).toBeNull();
    expect(verifiedDeviceId(signed(`${"a".repeat(21)}!`), "ann@example.com")).toBeNull();
    expect(verifiedDeviceId(signed(`x${"a".repeat(22)}`), "ann@example.com")).toBeNull();
  });

  it("is set for 180 days on /api/auth only, HttpOnly and SameSite=Strict, Secure on https", () => {
    const header = deviceCookieHeader("tok");
    const secure = env.nextauthUrl.startsWith("https://") ? "; Secure" : "";
    expect(header).toBe(`${DEVICE_COOKIE}=tok; Path=/api/auth; Max-Age=15552000; HttpOnly; SameSite=Strict${secure}`);
    expect(DEVICE_COOKIE).toBe("orderdesk.device");
  });

  it("is Secure exactly when the portal's URL is https", async () => {
    // The module read afresh with another URL (env is read once, at import).
    const withUrl = async (nextauthUrl: string) => {
      vi.resetModules();
      vi.doMock("@/lib/env.mjs", () => ({ env: { ...env, nextauthUrl } }));
      try {
        const mod = await import("@/lib/auth/device-cookie");
        const token = mod.issueDeviceToken("ann@example.com");
        expect(mod.verifiedDeviceId(token, "ann@example.com")).toBe(token.split(".")[0]);
        return mod.deviceCookieHeader("tok");
      } finally {
        vi.doUnmock("@/lib/env.mjs");
      }
    };
    const cookie = "orderdesk.device=tok; Path=/api/auth; Max-Age=15552000; HttpOnly; SameSite=Strict";
    expect(await withUrl("https://orders.example.com")).toBe(`${cookie}; Secure`);
    expect(await withUrl("http://localhost:3000")).toBe(cookie);
    // Only the scheme decides: a URL that merely contains "https://" does not.
    expect(await withUrl("http://proxy.example/https://")).toBe(cookie);
  });
});

describe("sign-in attempt", () => {
  it("carries the presented cookie in, and a throttle's wait and a fresh cookie out", async () => {
    const { res, attempt } = await withSignInAttempt(async () => {
      expect(presentedDeviceToken()).toBe("presented");
      noteThrottled(2.2);
      noteDeviceToken("fresh");
      return new Response("ok", { status: 401 });
    }, "presented");
    expect(res.status).toBe(401);
    expect(attempt).toEqual({ presentedDeviceToken: "presented", retryAfterSeconds: 3, issuedDeviceToken: "fresh" });
  });

  it("waits at least a second, and notes nothing outside an attempt", async () => {
    const { attempt } = await withSignInAttempt(async () => {
      noteThrottled(0);
      return new Response(null);
    });
    expect(attempt).toEqual({ presentedDeviceToken: undefined, retryAfterSeconds: 1 });
    expect(presentedDeviceToken()).toBeUndefined();
    expect(() => noteThrottled(5)).not.toThrow();
    expect(() => noteDeviceToken("x")).not.toThrow();
  });
});
