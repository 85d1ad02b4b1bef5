import { describe, expect, it } from "vitest";
import { DELETE as endSessions } from "@/app/api/account/sessions/route";
import { GET as listUsers, POST as addUser } from "@/app/api/users/route";
import { PEER_HEADER } from "@/lib/auth/client-address";
import { env } from "@/lib/env.mjs";
import { callRoute } from "@/tests/support/request-scope";
import { actorFor, makeUser, sessionCookie } from "@/tests/support/session";
import { useTestDatabase } from "@/tests/support/db";

const ORIGIN = new URL(env.nextauthUrl).origin;
const t = useTestDatabase();

function request(method: string, path: string, cookie: string, peer = "192.0.2.10", body?: unknown): Request {
  const headers: Record<string, string> = { origin: ORIGIN, cookie, [PEER_HEADER]: peer };
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const denials = async (userId: string) =>
  t.db.auditEvent.findMany({ where: { action: "access.deny", actorId: userId }, orderBy: { seq: "asc" } });

describe("refused actions are audited, aggregated", () => {
  it("a flood of 403s adds one row per user, address and permission", async () => {
    const viewer = await makeUser(t.db, "viewer");
    const cookie = await sessionCookie(viewer);
    const body = { email: "x@test.local", role: "admin", password: "a-long-password-123" };
    for (let i = 0; i < 25; i++) {
      expect((await callRoute(addUser, request("POST", "/api/users", cookie, "192.0.2.10", body))).status).toBe(403);
    }
    for (let i = 0; i < 5; i++) {
      expect((await callRoute(listUsers, request("GET", "/api/users", cookie, "192.0.2.11"))).status).toBe(403);
    }
    const rows = await denials(viewer.id);
    expect(rows.map((r) => r.request)).toEqual([
      { method: "POST", path: "/api/users", permission: "users.manage", address: "192.0.2.10" },
      { method: "GET", path: "/api/users", permission: "users.manage", address: "192.0.2.11" },
    ]);
    expect(rows.every((r) => r.outcome === "failed" && r.actorEmail === viewer.email)).toBe(true);
    expect(await t.db.user.count({ where: { email: "x@test.local" } })).toBe(0);
  });

  it("an allowed request and an anonymous one (401) add no refusal row", async () => {
    const admin = await makeUser(t.db, "admin");
    expect((await callRoute(listUsers, request("GET", "/api/users", await sessionCookie(admin)))).status).toBe(200);
    expect((await callRoute(listUsers, request("GET", "/api/users", ""))).status).toBe(401);
    expect(await denials(admin.id)).toHaveLength(0);
  });
});

describe("sign out everywhere", () => {
  it("ends every session of the user, this one included, and no one else's", async () => {
    const u = await makeUser(t.db, "buyer");
    const here = await sessionCookie(u);
    const there = await sessionCookie(u);
    const colleague = await sessionCookie(await makeUser(t.db, "buyer"));
    const res = await callRoute(endSessions, request("DELETE", "/api/account/sessions", here));
    expect(res.status).toBe(204);
    expect(await actorFor(here)).toBeNull();
    expect(await actorFor(there)).toBeNull();
    expect(await actorFor(colleague)).not.toBeNull();
    const audit = await t.db.auditEvent.findMany({ where: { action: "user.end_sessions", actorId: u.id } });
    expect(audit).toHaveLength(1);
  });

  it("refuses a cross-site request and an anonymous one", async () => {
    const u = await makeUser(t.db, "viewer");
    const cookie = await sessionCookie(u);
    const foreign = new Request(`${ORIGIN}/api/account/sessions`, {
      method: "DELETE",
      headers: { origin: "https://evil.example", cookie },
    });
    expect((await callRoute(endSessions, foreign)).status).toBe(403);
    expect((await callRoute(endSessions, request("DELETE", "/api/account/sessions", ""))).status).toBe(401);
    expect(await actorFor(cookie)).not.toBeNull();
  });
});
