import { describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import { createDb, type Db } from "@/lib/db";
import { toAppError } from "@/lib/error-map";
import { getActor as actorInScope } from "@/lib/auth/session";
import { callAuthRoute, inRequestScope } from "@/tests/support/request-scope";
import { encode } from "next-auth/jwt";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-claims";
import { actorFor, makeUser, sessionCookie, sessionCookieName } from "@/tests/support/session";
import { useTestDatabase } from "@/tests/support/db";

const t = useTestDatabase();

const getActor = (cookie?: string) => actorFor(cookie ?? null, "http://localhost:3000/api/orders");

describe("getActor", () => {
  it("returns the user for a valid cookie, role from the database", async () => {
    const u = await makeUser(t.db, "buyer", { name: "Bea" });
    const actor = await getActor(await sessionCookie(u));
    expect(actor).toEqual({ id: u.id, email: u.email, name: "Bea", role: "buyer" });
  });

  it("returns null without a cookie, for an expired, a forged, or a foreign-secret token", async () => {
    const u = await makeUser(t.db, "admin");
    expect(await getActor()).toBeNull();
    expect(await getActor(await sessionCookie(u, { maxAge: -120 }))).toBeNull();
    const valid = await sessionCookie(u);
    const forged = valid.slice(0, -6) + (valid.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    expect(await getActor(forged)).toBeNull();
    const foreign = await encode({
      token: { sub: u.id, role: "admin", sv: 1, at: Math.floor(Date.now() / 1000) },
      secret: "another-secret-that-is-32-characters-long!!",
    });
    expect(await getActor(`${sessionCookieName()}=${foreign}`)).toBeNull();
    expect(await getActor(`${sessionCookieName()}=not-a-jwt`)).toBeNull();
  });

  it("refuses a session older than the absolute 8 h cap even if its exp was refreshed", async () => {
    const u = await makeUser(t.db, "viewer");
    const old = Math.floor(Date.now() / 1000) - SESSION_MAX_AGE_SECONDS - 60;
    expect(await getActor(await sessionCookie(u, { signedInAt: old }))).toBeNull();
  });

  it("refuses a disabled user at the next request", async () => {
    const u = await makeUser(t.db, "buyer");
    const cookie = await sessionCookie(u);
    expect(await getActor(cookie)).not.toBeNull();
    await t.db.user.update({ where: { id: u.id }, data: { disabled: true } });
    expect(await getActor(cookie)).toBeNull();
  });

  it("refuses a session minted before a role change (sessionVersion bump)", async () => {
    const u = await makeUser(t.db, "admin");
    const cookie = await sessionCookie(u);
    await t.db.user.update({ where: { id: u.id }, data: { role: "viewer", sessionVersion: { increment: 1 } } });
    expect(await getActor(cookie)).toBeNull();
    const fresh = await t.db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect((await getActor(await sessionCookie(fresh)))?.role).toBe("viewer");
  });

  it("ignores the role claimed in the token", async () => {
    const u = await makeUser(t.db, "viewer");
    const cookie = await sessionCookie({ ...u, role: "admin" });
    expect((await getActor(cookie))?.role).toBe("viewer");
  });

  it("returns null for a deleted user and for a non-UUID subject", async () => {
    const u = await makeUser(t.db, "viewer");
    const cookie = await sessionCookie(u);
    await t.db.user.delete({ where: { id: u.id } });
    expect(await getActor(cookie)).toBeNull();
    expect(await getActor(await sessionCookie({ id: "1 OR 1=1", role: "admin", sessionVersion: 1 }))).toBeNull();
  });

  it("reads a session split into chunked cookies", async () => {
    const u = await makeUser(t.db, "buyer");
    const [name, token = ""] = (await sessionCookie(u)).split("=");
    const cut = Math.floor(token.length / 2);
    const actor = await getActor(`${name}.0=${token.slice(0, cut)}; ${name}.1=${token.slice(cut)}`);
    expect(actor?.id).toBe(u.id);
  });

  it("reads the session from its cookie only, never from an Authorization bearer token", async () => {
    const u = await makeUser(t.db, "admin");
    const token = (await sessionCookie(u)).split("=")[1]!;
    const bearer = new Request("http://localhost:3000/api/orders", { headers: { authorization: `Bearer ${token}` } });
    expect(await inRequestScope(bearer, () => actorInScope())).toBeNull();
    expect((await getActor(`${sessionCookieName()}=${token}`))?.id).toBe(u.id);
  });

  it("a database outage is a 503, not a sign-out: getActor throws and the session cookie is kept", async () => {
    const u = await makeUser(t.db, "buyer");
    const cookie = await sessionCookie(u);
    const slot = globalThis as unknown as { orderdeskDb?: Db };
    const live = slot.orderdeskDb;
    const dead = createDb("postgresql://nobody@127.0.0.1:1/none?sslmode=disable", 1);
    slot.orderdeskDb = dead;
    try {
      const err = await getActor(cookie).then(
        () => null,
        (e: unknown) => e,
      );
      expect(toAppError(err).status).toBe(503);
      const res = await callAuthRoute(
        authRoute.GET,
        new Request("http://localhost:3000/api/auth/session", { headers: { cookie } }),
      );
      expect(res.headers.getSetCookie().some((c) => /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c))).toBe(false);
    } finally {
      slot.orderdeskDb = live;
      await dead.$disconnect().catch(() => undefined);
    }
    expect((await getActor(cookie))?.id).toBe(u.id);
  });
});
