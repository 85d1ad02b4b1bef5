// Issue 11, left-over findings: the change-password endpoint's current-password check has a limit of its own
// (a stolen session must not become a way to guess the password), and sign-ins prune login_throttle.
import { randomUUID } from "node:crypto";
import { compare } from "bcryptjs";
import { describe, expect, it, vi } from "vitest";
import { PUT as changePassword } from "@/app/api/account/password/route";
import { authorizeCredentials } from "@/lib/auth/credentials";
import type { PasswordHasher } from "@/lib/auth/password";
import { PASSWORD_CHECK_FREE_ATTEMPTS, passwordCheckKey } from "@/lib/auth/throttle";
import type { Actor } from "@/lib/authz";
import { pruneIfDue } from "@/lib/database/retention";
import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { AppError } from "@/lib/errors";
import { changeOwnPassword } from "@/lib/users/passwords";
import { callRoute } from "@/tests/support/request-scope";
import { makeUser, sessionCookie } from "@/tests/support/session";
import { useTestDatabase } from "@/tests/support/db";

const ORIGIN = new URL(env.nextauthUrl).origin;
const t = useTestDatabase();
const OLD = "correct horse battery";
const STRONG = "Quartz-lantern-ferry-1987-oblique";

/** bcrypt at cost 4, counting every comparison: none may run while the check is throttled. */
function countingHasher() {
  const h = { compares: 0 } as PasswordHasher & { compares: number };
  h.hash = async (password) => (await import("bcryptjs")).hash(password, 4);
  h.compare = async (password, hash) => {
    h.compares++;
    return compare(password, hash);
  };
  return h;
}

/** The AppError code and Retry-After a change attempt ends with ("ok" when it succeeds). */
async function attempt(actor: Actor, currentPassword: string, hasher: PasswordHasher, now: Date) {
  try {
    await changeOwnPassword(actor, { currentPassword, newPassword: STRONG }, { hasher, now });
    return { code: "ok" };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { code: err.code, retryAfter: err.retryAfterSeconds };
  }
}

describe("the current-password check of a password change", () => {
  it(`allows ${PASSWORD_CHECK_FREE_ATTEMPTS} wrong passwords, then a doubling delay with no hash computed`, async () => {
    const u = await makeUser(t.db, "buyer", { password: OLD });
    const actor: Actor = { id: u.id, email: u.email, name: u.name, role: u.role };
    const hasher = countingHasher();
    const start = new Date(Math.floor(Date.now() / 1000) * 1000);
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

    const wrong = [];
    for (let i = 0; i < PASSWORD_CHECK_FREE_ATTEMPTS; i++)
      wrong.push(await attempt(actor, `wrong-${i}`, hasher, at(0)));
    expect(wrong).toEqual(Array.from({ length: PASSWORD_CHECK_FREE_ATTEMPTS }, () => ({ code: "validation_failed" })));
    expect(hasher.compares).toBe(PASSWORD_CHECK_FREE_ATTEMPTS);

    // Even the right password waits: the delay is what stops guessing.
    expect(await attempt(actor, OLD, hasher, at(0))).toEqual({ code: "rate_limited", retryAfter: 1 });
    expect(await attempt(actor, "wrong again", hasher, at(0))).toEqual({ code: "rate_limited", retryAfter: 1 });
    expect(hasher.compares).toBe(PASSWORD_CHECK_FREE_ATTEMPTS);

    expect(await attempt(actor, "wrong-6", hasher, at(1))).toEqual({ code: "validation_failed" });
    expect(await attempt(actor, OLD, hasher, at(1))).toEqual({ code: "rate_limited", retryAfter: 2 });
    expect(hasher.compares).toBe(PASSWORD_CHECK_FREE_ATTEMPTS + 1);

    expect(await attempt(actor, OLD, hasher, at(3))).toEqual({ code: "ok" });
    expect(hasher.compares).toBe(PASSWORD_CHECK_FREE_ATTEMPTS + 2);
    expect(await t.db.loginThrottle.count({ where: { key: passwordCheckKey(u.id) } })).toBe(0);

    const audit = await t.db.auditEvent.findMany({ where: { action: "user.change_password", actorId: u.id } });
    const reasons = audit.map((r) => (r.after as { reason?: string } | null)?.reason ?? r.outcome).sort();
    // One row per wrong password, one for the throttled ones (aggregated per window), one for the change.
    expect(reasons).toEqual([
      ...Array.from({ length: PASSWORD_CHECK_FREE_ATTEMPTS + 1 }, () => "bad_password"),
      "succeeded",
      "throttled",
    ]);
  });

  it("answers 429 with Retry-After over HTTP while throttled, and keeps the password", async () => {
    const u = await makeUser(t.db, "viewer", { password: OLD });
    await t.db.loginThrottle.create({
      data: {
        key: passwordCheckKey(u.id),
        failures: PASSWORD_CHECK_FREE_ATTEMPTS + 3,
        windowStart: new Date(),
        lockedUntil: new Date(Date.now() + 600_000),
      },
    });
    const res = await callRoute(
      changePassword,
      new Request(`${ORIGIN}/api/account/password`, {
        method: "PUT",
        headers: { origin: ORIGIN, cookie: await sessionCookie(u), "content-type": "application/json" },
        body: JSON.stringify({ currentPassword: OLD, newPassword: STRONG }),
      }),
    );
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(await compare(OLD, (await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash!)).toBe(true);
  });
});

describe("retention from the sign-in path", () => {
  it("a sign-in prunes expired login_throttle rows when pruning is due, and not within the hour", async () => {
    const hasher = countingHasher();
    const signIn = (nowMs: number) =>
      authorizeCredentials(
        { email: "nobody@test.local", password: "x" },
        {},
        {
          hasher,
          trustProxy: 0,
          now: () => new Date(nowMs),
        },
      );
    const expired = () => ({
      key: `acct:expired-${randomUUID()}`,
      failures: 5,
      windowStart: new Date(Date.now() - 2 * 24 * 3600_000),
      lockedUntil: null,
    });
    const start = Date.now();
    // Mark the app's database client (the one sign-ins use) as pruned now; rows written since wait for the next
    // due time.
    await pruneIfDue(db, start);
    const first = expired();
    await t.db.loginThrottle.create({ data: first });
    await signIn(start + 30 * 60_000);
    expect(await t.db.loginThrottle.count({ where: { key: first.key } })).toBe(1);

    await signIn(start + 61 * 60_000);
    await vi.waitFor(async () => expect(await t.db.loginThrottle.count({ where: { key: first.key } })).toBe(0), {
      timeout: 20_000,
      interval: 50,
    });
  });
});
