import { decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { parseCookieHeader, readChunkedCookie } from "@/lib/auth/cookies";
import { clientAddress } from "@/lib/auth/throttle";
import { encodeSession, sessionCookieName } from "@/lib/auth/token";
import { env } from "@/lib/env.mjs";
import { redact } from "@/lib/log";

describe("session cookie parsing", () => {
  it("reads whole and chunked cookies", () => {
    const name = "next-auth.session-token";
    expect(readChunkedCookie(parseCookieHeader(`a=1; ${name}=abc`), name)).toBe("abc");
    expect(readChunkedCookie(parseCookieHeader(`${name}.1=def; ${name}.0=abc`), name)).toBe("abcdef");
    expect(readChunkedCookie(parseCookieHeader(`${name}.1=def`), name)).toBeNull();
    expect(readChunkedCookie(parseCookieHeader(""), name)).toBeNull();
  });

  it("uses the __Secure- name only for https", () => {
    expect(sessionCookieName(true)).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieName(false)).toBe("next-auth.session-token");
  });
});

describe("redaction", () => {
  it("a session token carries only id, role, session version and sign-in time", async () => {
    const token = await encodeSession({ sub: "00000000-0000-4000-8000-000000000001", role: "buyer", sv: 3, at: 1 });
    const payload = await decode({ token, secret: env.nextauthSecret });
    expect(Object.keys(payload ?? {}).sort()).toEqual(["at", "exp", "iat", "jti", "role", "sub", "sv"]);
  });

  it("log records never carry passwords, cookies or tokens", () => {
    const out = JSON.stringify(
      redact({ email: "a@b.c", password: "hunter2hunter2", headers: { cookie: "s=1", authorization: "Bearer x" }, accessToken: "t" }),
    );
    expect(out).toContain("a@b.c");
    for (const secret of ["hunter2hunter2", "s=1", "Bearer x", '"t"']) expect(out).not.toContain(secret);
  });
});

describe("client address", () => {
  it("believes only the proxy's last X-Forwarded-For entry behind a trusted proxy", () => {
    const h = new Headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.7" });
    expect(clientAddress(h, false)).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.7" }), false)).toBe("198.51.100.7");
    expect(clientAddress(new Headers(), false)).toBe("unknown");
    expect(clientAddress(h, true)).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "not-an-ip" }), true)).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "2001:db8::1" }, true)).toBe("2001:db8::1");
  });
});
