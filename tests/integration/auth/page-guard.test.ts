// The page guards steer a browser: signed out → /login returning to the page, signed in without the
// permission → 404 (no hint the page exists), otherwise the actor. Checked with real sessions in Next's scope.
import { describe, expect, it } from "vitest";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import {
  getAccessFallbackHTTPStatus,
  isHTTPAccessFallbackError,
} from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { pageActor, requirePageActor, requirePagePermission } from "@/lib/auth/page-guard";
import { env } from "@/lib/env.mjs";
import { useTestDatabase } from "@/tests/support/db";
import { inRequestScope } from "@/tests/support/request-scope";
import { makeUser, sessionCookie } from "@/tests/support/session";

const t = useTestDatabase();

/** Runs `fn` for a page request carrying `cookie`; returns its value or how Next was told to answer. */
async function asPage<T>(cookie: string | null, fn: () => Promise<T>) {
  const req = new Request(`${env.nextauthUrl}/orders`, cookie ? { headers: { cookie } } : undefined);
  try {
    return { value: await inRequestScope(req, fn) };
  } catch (err) {
    if (isRedirectError(err)) return { redirect: getURLFromRedirectError(err) };
    if (isHTTPAccessFallbackError(err)) return { status: getAccessFallbackHTTPStatus(err) };
    throw err;
  }
}

describe("page guards", () => {
  it("pageActor is the signed-in actor or null, never a redirect", async () => {
    const u = await makeUser(t.db, "viewer", { name: "Vi" });
    expect(await asPage(null, () => pageActor())).toEqual({ value: null });
    expect(await asPage(await sessionCookie(u), () => pageActor())).toEqual({
      value: { id: u.id, email: u.email, name: "Vi", role: "viewer" },
    });
  });

  it("requirePageActor sends a signed-out browser to /login returning to the page", async () => {
    expect(await asPage(null, () => requirePageActor("/orders/20-RD128?tab=lines"))).toEqual({
      redirect: "/login?callbackUrl=%2Forders%2F20-RD128%3Ftab%3Dlines",
    });
    const u = await makeUser(t.db, "buyer", { name: "Bea" });
    expect(await asPage(await sessionCookie(u), () => requirePageActor("/orders"))).toEqual({
      value: { id: u.id, email: u.email, name: "Bea", role: "buyer" },
    });
  });

  it("requirePagePermission answers 404 without the permission, the actor with it, /login signed out", async () => {
    const viewer = await makeUser(t.db, "viewer");
    const admin = await makeUser(t.db, "admin", { name: "Ada" });
    expect(
      await asPage(await sessionCookie(viewer), () => requirePagePermission("/admin/users", "users.manage")),
    ).toEqual({ status: 404 });
    expect(
      await asPage(await sessionCookie(admin), () => requirePagePermission("/admin/users", "users.manage")),
    ).toEqual({ value: { id: admin.id, email: admin.email, name: "Ada", role: "admin" } });
    expect(await asPage(null, () => requirePagePermission("/admin/users", "users.manage"))).toEqual({
      redirect: "/login?callbackUrl=%2Fadmin%2Fusers",
    });
  });
});
