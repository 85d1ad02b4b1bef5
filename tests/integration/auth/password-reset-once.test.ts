// Issue 11, left-over finding: a password reset by an admin (or `npm run user:reset-password`) is one-time. The
// user signs in with it, but every page sends them to /account and every API answers 403 until they choose a
// new password there.
import { describe, expect, it } from "vitest";
import { PUT as changePassword } from "@/app/api/account/password/route";
import { DELETE as endSessions } from "@/app/api/account/sessions/route";
import { GET as readAudit } from "@/app/api/audit/route";
import { GET as listUsers } from "@/app/api/users/route";
import { POST as resetPassword } from "@/app/api/users/[id]/password/route";
import { PASSWORD_RESET_PAGE, requirePageActor, requirePagePermission } from "@/lib/auth/page-guard";
import { PASSWORD_CHANGE_REQUIRED } from "@/lib/authz";
import { env } from "@/lib/env.mjs";
import { callRoute, inRequestScope } from "@/tests/support/request-scope";
import { actorFor, makeUser, sessionCookie } from "@/tests/support/session";
import { useTestDatabase } from "@/tests/support/db";

const ORIGIN = new URL(env.nextauthUrl).origin;
const t = useTestDatabase();
const NEW_PASSWORD = "Quartz-lantern-ferry-1987-oblique";

const get = (path: string, cookie: string) => new Request(`${ORIGIN}${path}`, { headers: { cookie } });

/** Where a page guard sends this session: the redirect target, or "render" when the page renders. */
async function pageOutcome(cookie: string, guard: () => Promise<unknown>): Promise<string> {
  try {
    await inRequestScope(get("/", cookie), guard);
    return "render";
  } catch (err) {
    const digest = String((err as { digest?: unknown }).digest ?? "");
    if (!digest.startsWith("NEXT_REDIRECT")) throw err;
    return digest.split(";")[2]!;
  }
}

/** An admin resets `user`'s password over the API; resolves with the one-time password and a fresh session. */
async function resetByAdmin(user: { id: string }) {
  const admin = await makeUser(t.db, "admin");
  const res = await callRoute(
    resetPassword,
    new Request(`${ORIGIN}/api/users/${user.id}/password`, {
      method: "POST",
      headers: { origin: ORIGIN, cookie: await sessionCookie(admin) },
    }),
    { id: user.id },
  );
  expect(res.status).toBe(200);
  const { password } = (await res.json()) as { password: string };
  // Signing in with the one-time password mints a session at the user's current session version.
  const cookie = await sessionCookie(await t.db.user.findUniqueOrThrow({ where: { id: user.id } }));
  return { password, cookie };
}

describe("an admin's password reset is one-time", () => {
  it("signs the user in to /account only; pages redirect there and APIs answer 403 until a new password is set", async () => {
    const user = await makeUser(t.db, "admin", { password: "an old password nobody remembers" });
    const { password, cookie } = await resetByAdmin(user);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(true);
    expect(await actorFor(cookie)).toMatchObject({ id: user.id, mustChangePassword: true });

    for (const path of ["/orders", "/orders/20-RD3QV", "/audit", "/admin/users", "/orders/new"]) {
      expect(await pageOutcome(cookie, () => requirePageActor(path))).toBe(PASSWORD_RESET_PAGE);
    }
    expect(await pageOutcome(cookie, () => requirePagePermission("/admin/users", "users.manage"))).toBe(
      PASSWORD_RESET_PAGE,
    );
    expect(await pageOutcome(cookie, () => requirePagePermission("/account", "account.manage"))).toBe("render");

    for (const res of [
      await callRoute(readAudit, get("/api/audit", cookie)),
      await callRoute(listUsers, get("/api/users", cookie)),
    ]) {
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(PASSWORD_CHANGE_REQUIRED);
    }
    // Being steered to /account is not a refused permission: no access.deny row.
    expect(await t.db.auditEvent.count({ where: { action: "access.deny", actorId: user.id } })).toBe(0);

    const changed = await callRoute(
      changePassword,
      new Request(`${ORIGIN}/api/account/password`, {
        method: "PUT",
        headers: { origin: ORIGIN, cookie, "content-type": "application/json" },
        body: JSON.stringify({ currentPassword: password, newPassword: NEW_PASSWORD }),
      }),
    );
    expect(changed.status).toBe(200);
    const after = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.mustChangePassword).toBe(false);
    // The change ended that session; the next sign-in opens the whole portal again.
    expect(await actorFor(cookie)).toBeNull();
    const next = await sessionCookie(after);
    expect(await pageOutcome(next, () => requirePageActor("/audit"))).toBe("render");
    expect((await callRoute(readAudit, get("/api/audit", next))).status).toBe(200);
    expect((await callRoute(listUsers, get("/api/users", next))).status).toBe(200);
  });

  it("still lets the user sign out everywhere", async () => {
    const user = await makeUser(t.db, "viewer");
    const { cookie } = await resetByAdmin(user);
    const res = await callRoute(
      endSessions,
      new Request(`${ORIGIN}/api/account/sessions`, { method: "DELETE", headers: { origin: ORIGIN, cookie } }),
    );
    expect(res.status).toBe(204);
    expect(await actorFor(cookie)).toBeNull();
  });
});
