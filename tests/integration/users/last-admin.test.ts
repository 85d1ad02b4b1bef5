// Security review findings: the self-demotion check bypassed with an upper-case id, and two admins demoting
// each other at once leaving no admin.
import { describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/users/[id]/route";
import { env } from "@/lib/env.mjs";
import { updateUser } from "@/lib/users/commands";
import { callRoute } from "@/tests/support/request-scope";
import { makeUser, sessionCookie } from "@/tests/support/session";
import { useTestDatabase } from "@/tests/support/db";

const ORIGIN = new URL(env.nextauthUrl).origin;
const t = useTestDatabase();

function patch(cookie: string, id: string, body: unknown): Promise<Response> {
  const req = new Request(`${ORIGIN}/api/users/${id}`, {
    method: "PATCH",
    headers: { origin: ORIGIN, cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return callRoute(PATCH, req, { id });
}

const enabledAdmins = () => t.db.user.count({ where: { role: "admin", disabled: false } });

describe("users: the last enabled admin", () => {
  it("an admin cannot demote or disable themselves by writing their id in upper case", async () => {
    const me = await makeUser(t.db, "admin");
    await makeUser(t.db, "admin");
    const cookie = await sessionCookie(me);
    expect((await patch(cookie, me.id.toUpperCase(), { role: "viewer" })).status).toBe(409);
    expect((await patch(cookie, me.id.toUpperCase(), { disabled: true })).status).toBe(409);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: me.id } });
    expect([row.role, row.disabled]).toEqual(["admin", false]);
  });

  it("two admins demoting each other at once leave one enabled admin", async () => {
    // Both requests have passed the session check when their commands run: that is the race to close.
    await t.db.user.updateMany({ where: { role: "admin" }, data: { disabled: true } });
    const a = await makeUser(t.db, "admin");
    const b = await makeUser(t.db, "admin");
    const actor = (u: { id: string }) => ({
      id: u.id,
      email: `${u.id}@test.local`,
      name: null,
      role: "admin" as const,
    });
    const results = await Promise.allSettled([
      updateUser(actor(a), b.id, { role: "buyer" }),
      updateUser(actor(b), a.id, { disabled: true }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as { code?: string }).code).toBe("conflict");
    expect(await enabledAdmins()).toBe(1);
  });

  it("the last enabled admin cannot be demoted or disabled, whatever the caller's id", async () => {
    await t.db.user.updateMany({ where: { role: "admin" }, data: { disabled: true } });
    const last = await makeUser(t.db, "admin");
    const other = {
      id: "00000000-0000-4000-8000-00000000000a",
      email: "x@test.local",
      name: null,
      role: "admin" as const,
    };
    await expect(updateUser(other, last.id, { role: "viewer" })).rejects.toMatchObject({ code: "conflict" });
    await expect(updateUser(other, last.id, { disabled: true })).rejects.toMatchObject({ code: "conflict" });
    expect(await enabledAdmins()).toBe(1);
    await expect(updateUser(other, last.id, { role: "admin" })).resolves.toMatchObject({ role: "admin" });
  });
});
