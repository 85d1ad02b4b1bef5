import { beforeAll, describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/users/[id]/route";
import { GET, POST } from "@/app/api/users/route";
import { env } from "@/lib/env.mjs";
import { seedDemoUsers } from "@/lib/users/seed-demo";
import type { Role } from "@/lib/authz";
import { callRoute } from "@/tests/support/request-scope";
import { actorFor, makeUser, sessionCookie } from "@/tests/support/session";
import { useTestDatabase } from "@/tests/support/db";

const ORIGIN = new URL(env.nextauthUrl).origin;
const t = useTestDatabase();
const cookies: Record<string, string | undefined> = {};

beforeAll(async () => {
  for (const role of ["admin", "buyer", "viewer"] as Role[])
    cookies[role] = await sessionCookie(await makeUser(t.db, role));
  const disabled = await makeUser(t.db, "admin", { disabled: true });
  cookies.disabled = await sessionCookie(disabled);
  cookies.anonymous = undefined;
});

function call(method: string, path: string, who: string, body?: unknown): Request {
  const headers: Record<string, string> = { origin: ORIGIN };
  if (cookies[who]) headers.cookie = cookies[who]!;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const params = (id: string) => ({ id });
let n = 0;
const newUser = () => ({ email: `new-${n++}@test.local`, role: "viewer", password: "a-long-password-123" });

describe("users API authorization matrix", () => {
  it.each([
    ["admin", 200, 201],
    ["buyer", 403, 403],
    ["viewer", 403, 403],
    ["anonymous", 401, 401],
    ["disabled", 401, 401],
  ])("%s: GET %i, POST %i", async (who, getStatus, postStatus) => {
    const list = await callRoute(GET, call("GET", "/api/users", who));
    expect(list.status).toBe(getStatus);
    expect(list.headers.get("cache-control")).toBe("private, no-store");
    const before = await t.db.user.count();
    const add = await callRoute(POST, call("POST", "/api/users", who, newUser()));
    expect(add.status).toBe(postStatus);
    expect(await t.db.user.count()).toBe(before + (postStatus === 201 ? 1 : 0));
    const target = await makeUser(t.db, "viewer");
    const patch = await callRoute(
      PATCH,
      call("PATCH", `/api/users/${target.id}`, who, { role: "buyer" }),
      params(target.id),
    );
    expect(patch.status).toBe(getStatus);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe(
      getStatus === 200 ? "buyer" : "viewer",
    );
  });
});

describe("users admin", () => {
  it("lists users without password hashes", async () => {
    const body = await (await callRoute(GET, call("GET", "/api/users", "admin"))).text();
    expect(body).toContain("@test.local");
    expect(body).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it("adds a user with a cost-12 hash and audits it; rejects duplicates and short passwords", async () => {
    const input = newUser();
    const res = await callRoute(
      POST,
      call("POST", "/api/users", "admin", { ...input, email: input.email.toUpperCase() }),
    );
    expect(res.status).toBe(201);
    const row = await t.db.user.findUniqueOrThrow({ where: { email: input.email } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(
      await t.db.auditEvent.count({
        where: { action: "user.create", request: { path: ["email"], equals: input.email } },
      }),
    ).toBe(1);
    expect((await callRoute(POST, call("POST", "/api/users", "admin", input))).status).toBe(409);
    const short = await callRoute(POST, call("POST", "/api/users", "admin", { ...newUser(), password: "short" }));
    expect(short.status).toBe(422);
    expect(((await short.json()) as { error: { fields: Record<string, string> } }).error.fields.password).toBeTruthy();
  });

  it("a role change bumps sessionVersion, ends the old session and is audited", async () => {
    const u = await makeUser(t.db, "buyer");
    const old = await sessionCookie(u);
    const res = await callRoute(PATCH, call("PATCH", `/api/users/${u.id}`, "admin", { role: "viewer" }), params(u.id));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { role: string } }).user.role).toBe("viewer");
    const row = await t.db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.sessionVersion).toBe(u.sessionVersion + 1);
    expect(await actorFor(old)).toBeNull();
    const audit = await t.db.auditEvent.findMany({ where: { action: "user.change_role" } });
    expect(
      audit.some(
        (a) => (a.after as { role: string }).role === "viewer" && (a.before as { role: string }).role === "buyer",
      ),
    ).toBe(true);
  });

  it("disable and enable are audited and end sessions", async () => {
    const u = await makeUser(t.db, "viewer");
    const old = await sessionCookie(u);
    expect(
      (await callRoute(PATCH, call("PATCH", `/api/users/${u.id}`, "admin", { disabled: true }), params(u.id))).status,
    ).toBe(200);
    expect(await actorFor(old)).toBeNull();
    expect(
      (await callRoute(PATCH, call("PATCH", `/api/users/${u.id}`, "admin", { disabled: false }), params(u.id))).status,
    ).toBe(200);
    expect(await actorFor(old)).toBeNull();
    const toggles = await t.db.auditEvent.findMany({
      where: { request: { path: ["user", "id"], equals: u.id } },
      orderBy: { seq: "asc" },
    });
    expect(toggles.map((e) => e.action)).toEqual(["user.disable", "user.enable"]);
  });

  it("an admin cannot demote or disable themselves; unknown ids are 404", async () => {
    const me = await makeUser(t.db, "admin");
    cookies.me = await sessionCookie(me);
    expect(
      (await callRoute(PATCH, call("PATCH", `/api/users/${me.id}`, "me", { role: "buyer" }), params(me.id))).status,
    ).toBe(409);
    expect(
      (await callRoute(PATCH, call("PATCH", `/api/users/${me.id}`, "me", { disabled: true }), params(me.id))).status,
    ).toBe(409);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(
      (await callRoute(PATCH, call("PATCH", `/api/users/${missing}`, "me", { role: "buyer" }), params(missing))).status,
    ).toBe(404);
    expect(
      (await callRoute(PATCH, call("PATCH", "/api/users/..%2F", "me", { role: "buyer" }), params("../"))).status,
    ).toBe(404);
  });

  it("refuses cross-site writes", async () => {
    const req = call("POST", "/api/users", "admin", newUser());
    const foreign = new Request(req, {
      headers: { ...Object.fromEntries(req.headers), origin: "https://evil.example" },
    });
    expect((await callRoute(POST, foreign)).status).toBe(403);
  });

  it.each([
    ["a foreign Origin", "https://evil.example"],
    ["Origin: null", "null"],
    ["no Origin", undefined],
  ])("refuses a cross-site PATCH /api/users/[id] (%s) and changes nothing", async (_label, origin) => {
    const target = await makeUser(t.db, "viewer");
    const req = call("PATCH", `/api/users/${target.id}`, "admin", { role: "admin", disabled: true });
    const headers = new Headers(req.headers);
    if (origin === undefined) headers.delete("origin");
    else headers.set("origin", origin);
    const res = await callRoute(PATCH, new Request(req, { headers }), params(target.id));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
    const after = await t.db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect([after.role, after.disabled, after.sessionVersion]).toEqual(["viewer", false, target.sessionVersion]);
  });
});

describe("seedDemoUsers", () => {
  it("creates the three demo users once and keeps their role", async () => {
    const fast = {
      hash: async (p: string) => `plain:${p}`,
      compare: async (p: string, h: string) => h === `plain:${p}`,
    };
    await seedDemoUsers("demo-password-1", t.db, fast);
    await t.db.user.update({ where: { email: "buyer@demo.local" }, data: { role: "viewer" } });
    await seedDemoUsers("demo-password-1", t.db, fast);
    const demo = await t.db.user.findMany({ where: { email: { endsWith: "@demo.local" } }, orderBy: { email: "asc" } });
    expect(demo.map((d) => [d.email, d.role])).toEqual([
      ["admin@demo.local", "admin"],
      ["buyer@demo.local", "viewer"],
      ["viewer@demo.local", "viewer"],
    ]);
    await seedDemoUsers("demo-password-2", t.db, fast);
    expect((await t.db.user.findUniqueOrThrow({ where: { email: "admin@demo.local" } })).passwordHash).toBe(
      "plain:demo-password-2",
    );
  });
});
