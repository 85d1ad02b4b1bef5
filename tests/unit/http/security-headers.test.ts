import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";
import { apiSecurityHeaders, contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

const scriptSrc = (csp: string) => csp.split("; ").find((d) => d.startsWith("script-src "))!;
const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

describe("Content-Security-Policy", () => {
  it("allows scripts by nonce only: no inline scripts, no eval outside development", () => {
    const csp = contentSecurityPolicy("abc123==", false);
    expect(scriptSrc(csp)).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(scriptSrc(contentSecurityPolicy("n", true))).toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("the proxy gives each request a fresh nonce, on the request Next.js renders and on the response", () => {
    const first = proxy(new NextRequest("http://localhost:3000/orders"));
    const second = proxy(new NextRequest("http://localhost:3000/orders"));
    const csp = first.headers.get("content-security-policy")!;
    const nonce = nonceOf(csp);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(second.headers.get("content-security-policy")!)).not.toBe(nonce);
    // NextResponse.next({ request: { headers } }) hands the request headers to Next.js this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("replaces a policy the client sent, so nobody chooses the nonce", () => {
    const res = proxy(
      new NextRequest("http://localhost:3000/login", {
        headers: { "content-security-policy": "script-src 'nonce-attacker'" },
      }),
    );
    expect(res.headers.get("x-middleware-request-content-security-policy")).not.toContain("attacker");
    expect(res.headers.get("content-security-policy")).not.toContain("attacker");
  });
});

describe("HSTS", () => {
  it("is sent only when the portal is served over HTTPS", () => {
    const https = securityHeaders("n", { dev: false, publicUrl: "https://orders.example.com" });
    expect(https["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(securityHeaders("n", { dev: false, publicUrl: "http://localhost:3000" })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
  });
});

describe("JSON routes", () => {
  it("the proxy runs for pages and next-auth's routes, not for the portal's JSON routes or static files", () => {
    const runs = (url: string) => unstable_doesMiddlewareMatch({ config, url });
    for (const url of [
      "/",
      "/login",
      "/orders",
      "/orders/20-SHP01",
      "/api/auth/session",
      "/api/auth/signout",
      "/apiary",
    ])
      expect(runs(url), url).toBe(true);
    for (const url of ["/api/orders", "/api/orders/20-SHP01", "/api/health", "/api/events", "/_next/static/x.js"])
      expect(runs(url), url).toBe(false);
  });

  it("send a policy that allows nothing (a JSON body runs no script), with HSTS only over HTTPS", () => {
    const plain = apiSecurityHeaders("http://localhost:3000");
    expect(plain).toEqual({ "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" });
    expect(apiSecurityHeaders("https://orders.example.com")["Strict-Transport-Security"]).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });
});
