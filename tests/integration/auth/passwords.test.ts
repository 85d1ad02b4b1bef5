import { spawn } from "node:child_process";
import { compare } from "bcryptjs";
import { describe, expect, it } from "vitest";
import { PUT as changePassword } from "@/app/api/account/password/route";
import { POST as resetPassword } from "@/app/api/users/[id]/password/route";
import { env } from "@/lib/env.mjs";
import { callRoute } from "@/tests/support/request-scope";
import { actorFor, makeUser, sessionCookie } from "@/tests/support/session";
import { useTestDatabase } from "@/tests/support/db";
import { tempDir } from "@/tests/support/temp-dir";

const ORIGIN = new URL(env.nextauthUrl).origin;
const t = useTestDatabase();
const OLD = "correct horse battery";
const STRONG = "Quartz-lantern-ferry-1987-oblique";

function put(cookie: string, body: unknown): Request {
  return new Request(`${ORIGIN}/api/account/password`, {
    method: "PUT",
    headers: { origin: ORIGIN, cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("changing one's own password", () => {
  it("checks the current password and the strength, then ends every session of the user", async () => {
    const u = await makeUser(t.db, "buyer", { password: OLD, email: "pat.jones@test.local", name: "Pat Jones" });
    const cookie = await sessionCookie(u);
    const other = await sessionCookie(u);

    const wrong = await callRoute(changePassword, put(cookie, { currentPassword: "nope", newPassword: STRONG }));
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { error: { fields: object } }).error.fields).toHaveProperty("currentPassword");

    for (const weak of ["password12345", "patjones2024!", "qwertyuiop123"]) {
      const res = await callRoute(changePassword, put(cookie, { currentPassword: OLD, newPassword: weak }));
      expect(res.status).toBe(422);
      const { error } = (await res.json()) as { error: { fields: { newPassword: string } } };
      expect(error.fields.newPassword).toMatch(/too easy to guess/);
    }
    expect(await compare(OLD, (await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash!)).toBe(true);
    expect(await actorFor(other)).not.toBeNull();

    const ok = await callRoute(changePassword, put(cookie, { currentPassword: OLD, newPassword: STRONG }));
    expect(ok.status).toBe(200);
    expect(await compare(STRONG, (await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash!)).toBe(
      true,
    );
    expect(await actorFor(cookie)).toBeNull();
    expect(await actorFor(other)).toBeNull();
    const audit = await t.db.auditEvent.findMany({ where: { action: "user.change_password", actorId: u.id } });
    expect(audit.map((r) => r.outcome).sort()).toEqual(["failed", "succeeded"]);
    expect(JSON.stringify(audit, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(STRONG);
  });
});

describe("an admin's one-time reset", () => {
  const post = (cookie: string, id: string) =>
    callRoute(
      resetPassword,
      new Request(`${ORIGIN}/api/users/${id}/password`, { method: "POST", headers: { origin: ORIGIN, cookie } }),
      { id },
    );

  it("sets a random password shown once and ends the user's sessions; only admins may", async () => {
    const admin = await makeUser(t.db, "admin");
    const u = await makeUser(t.db, "viewer", { password: OLD });
    const session = await sessionCookie(u);
    expect((await post(await sessionCookie(await makeUser(t.db, "buyer")), u.id)).status).toBe(403);
    expect(await actorFor(session)).not.toBeNull();

    const res = await post(await sessionCookie(admin), u.id);
    expect(res.status).toBe(200);
    const { password } = (await res.json()) as { password: string };
    expect(password.length).toBeGreaterThanOrEqual(24);
    expect(await compare(password, (await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash!)).toBe(
      true,
    );
    expect(await actorFor(session)).toBeNull();
    const audit = await t.db.auditEvent.findMany({ where: { action: "user.reset_password", actorId: admin.id } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(password);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    const cookie = await sessionCookie(await makeUser(t.db, "admin"));
    expect((await post(cookie, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await post(cookie, "../etc")).status).toBe(404);
  });

  it("npm run user:reset-password prints a one-time password", { timeout: 90_000 }, async () => {
    const u = await makeUser(t.db, "admin", { password: OLD, email: "locked-out@test.local" });
    const session = await sessionCookie(u);
    const child = spawn(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "-C", "react-server", "lib/cli/user-reset-password.ts", "--email", u.email],
      {
        cwd: process.cwd(),
        env: {
          NODE_ENV: "test",
          PATH: process.env.PATH ?? "",
          DATABASE_URL: t.url,
          DATA_DIR: tempDir("cli"),
          LOG_LEVEL: "silent",
        },
      },
    );
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    const printed = /One-time password \(shown once\): (\S+)/.exec(out)?.[1];
    const after = await t.db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(await compare(printed!, after.passwordHash!)).toBe(true);
    // One-time: the next sign-in leads to /account only (tests/integration/auth/password-reset-once.test.ts).
    expect(after.mustChangePassword).toBe(true);
    expect(out).toContain("must choose a new password");
    expect(await actorFor(session)).toBeNull();
  });
});
