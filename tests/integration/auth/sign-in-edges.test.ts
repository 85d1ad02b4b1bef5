// The sign-in group's edges the mutation run (README "Mutation testing", group sign-in) found untested: which
// throttle rows a success clears and a wait is read from, the refused sign-in's audit row, the throttled answer's
// headers, the password-change check's own key, and the sign-out paths that must not throw or lose their outcome.
import { compare } from "bcryptjs";
import { beforeEach, describe, expect, it } from "vitest";
import * as route from "@/app/api/auth/[...nextauth]/route";
import { endAllSessions, revokeSession } from "@/lib/auth/session-revocation";
import { PEER_HEADER } from "@/lib/auth/client-address";
import { authorizeCredentials, TOO_MANY_ATTEMPTS } from "@/lib/auth/credentials";
import { DUMMY_HASH, type PasswordHasher } from "@/lib/auth/password";
import { withSignInAttempt } from "@/lib/auth/sign-in-attempt";
import {
  ACCOUNT_FREE_ATTEMPTS,
  accountKey,
  addressKey,
  DEVICE_LIMIT,
  deviceKey,
  PASSWORD_CHECK_FREE_ATTEMPTS,
  pairKey,
  recordSuccess,
  reserveAttempt,
  signInThrottleState,
} from "@/lib/auth/throttle";
import type { Actor } from "@/lib/authz";
import { env } from "@/lib/env.mjs";
import { AppError } from "@/lib/errors";
import { changeOwnPassword } from "@/lib/users/passwords";
import { callAuthRoute } from "@/tests/support/request-scope";
import { makeUser } from "@/tests/support/session";
import { useTestDatabase } from "@/tests/support/db";

const ORIGIN = new URL(env.nextauthUrl).origin;
const PASSWORD = "correct horse battery";
const STRONG = "Quartz-lantern-ferry-1987-oblique";
const t = useTestDatabase();

beforeEach(async () => {
  await t.db.loginThrottle.deleteMany({});
});

/** bcrypt at the test users' cost; the cost-12 dummy hash never matches and is skipped. */
const hasher: PasswordHasher = {
  hash: async (password) => (await import("bcryptjs")).hash(password, 4),
  compare: async (password, hash) => (hash === DUMMY_HASH ? false : compare(password, hash)),
};

const now = () => new Date(Math.floor(Date.now() / 1000) * 1000);
const inSeconds = (from: Date, seconds: number) => new Date(from.getTime() + seconds * 1000);
const keysOf = async () => (await t.db.loginThrottle.findMany({ orderBy: { key: "asc" } })).map((r) => r.key);
const row = (key: string) => t.db.loginThrottle.findUnique({ where: { key } });

/** One sign-in through authorizeCredentials as the POST wrapper runs it: "ok", "denied", "throttled" or a throw. */
async function signIn(raw: unknown, peer = "192.0.2.30") {
  let outcome = "denied";
  await withSignInAttempt(async () => {
    try {
      if (await authorizeCredentials(raw, { [PEER_HEADER]: peer }, { hasher, trustProxy: 0 })) outcome = "ok";
    } catch (err) {
      outcome = (err as Error).message === TOO_MANY_ATTEMPTS ? "throttled" : `threw ${(err as Error).message}`;
    }
    return new Response();
  }, undefined);
  return outcome;
}

const signInAudit = (email: string) =>
  t.db.auditEvent
    .findMany({ where: { action: "user.sign_in", outcome: "failed" }, orderBy: { seq: "asc" } })
    .then((rows) => rows.filter((r) => (r.request as { email?: string } | null)?.email === email));

describe("throttle keys", () => {
  it("an account's attempts count under one key however the email is typed", async () => {
    const at = now();
    for (const typed of [" User@Example.COM ", "user@example.com", "USER@example.com"])
      expect(await reserveAttempt(typed, "198.51.100.7", null, at)).toEqual({ throttled: false, retryAfterSeconds: 0 });
    expect(await keysOf()).toEqual([
      "acct-ip:user@example.com|198.51.100.7",
      "acct:user@example.com",
      "ip:198.51.100.7",
    ]);
    expect((await row(accountKey("user@example.com")))?.failures).toBe(3);
  });

  it("each device has a limit of its own: one device's guesses do not refuse another", async () => {
    const at = now();
    const results = [];
    for (let i = 0; i < DEVICE_LIMIT + 1; i++)
      results.push((await reserveAttempt("a@test.local", "x", "dev-a", at)).throttled);
    expect(results).toEqual([...Array(DEVICE_LIMIT).fill(false), true]);
    expect(await reserveAttempt("a@test.local", "x", "dev-b", at)).toEqual({ throttled: false, retryAfterSeconds: 0 });
    expect(await keysOf()).toEqual(["dev:dev-a", "dev:dev-b"]);
  });
});

describe("a successful sign-in clears the account's keys", () => {
  async function seed(email: string, address: string, device: string, at: Date) {
    const lockedUntil = inSeconds(at, 300);
    const other = "other@test.local";
    for (const key of [
      accountKey(email),
      pairKey(email, address),
      deviceKey(device),
      accountKey(other),
      deviceKey("dev-other"),
    ])
      await t.db.loginThrottle.create({ data: { key, failures: 4, windowStart: at, lockedUntil } });
    await t.db.loginThrottle.create({ data: { key: addressKey(address), failures: 7, windowStart: at, lockedUntil } });
  }

  it("from an untrusted device: the account and the pair go, the address gets one slot back, nothing else moves", async () => {
    const at = now();
    await seed("u@test.local", "203.0.113.9", "dev-u", at);
    await recordSuccess("u@test.local", "203.0.113.9", null);
    expect(await keysOf()).toEqual(["acct:other@test.local", "dev:dev-other", "dev:dev-u", "ip:203.0.113.9"]);
    expect(await row(addressKey("203.0.113.9"))).toMatchObject({ failures: 6, lockedUntil: null });
    expect((await row(deviceKey("dev-u")))?.failures).toBe(4);
  });

  it("from the owner's device: the device's key goes too, and the address keeps its count", async () => {
    const at = now();
    await seed("u@test.local", "203.0.113.9", "dev-u", at);
    await recordSuccess("u@test.local", "203.0.113.9", "dev-u");
    expect(await keysOf()).toEqual(["acct:other@test.local", "dev:dev-other", "ip:203.0.113.9"]);
    expect((await row(addressKey("203.0.113.9")))?.failures).toBe(7);
  });
});

describe("the wait an untrusted device is told", () => {
  it("is the longest of the account's, the pair's and the address's locks, and only theirs", async () => {
    const at = now();
    const email = "w@test.local";
    const address = "198.51.100.40";
    const lock = (key: string, seconds: number) =>
      t.db.loginThrottle.create({ data: { key, failures: 9, windowStart: at, lockedUntil: inSeconds(at, seconds) } });
    // Another account's lock, a lock that has run out, and one ending this very second: none counts.
    await lock(accountKey("someone-else@test.local"), 800);
    await lock(pairKey(email, address), -5);
    await lock(addressKey(address), 0);
    expect(await signInThrottleState(email, address, at)).toEqual({ throttled: false, retryAfterSeconds: 0 });

    await lock(accountKey(email), 100);
    await t.db.loginThrottle.update({
      where: { key: pairKey(email, address) },
      data: { lockedUntil: inSeconds(at, 600) },
    });
    expect(await signInThrottleState(email, address, at)).toEqual({ throttled: true, retryAfterSeconds: 600 });
  });
});

describe("a refused sign-in's audit row", () => {
  it("names the reason, the actor when the account exists, and the provider", async () => {
    const active = await makeUser(t.db, "buyer", { password: PASSWORD });
    const disabled = await makeUser(t.db, "viewer", { password: PASSWORD, disabled: true });
    const unknown = "nobody-here@test.local";
    const address = "192.0.2.31";

    expect(await signIn({ email: unknown, password: PASSWORD }, address)).toBe("denied");
    expect(await signIn({ email: active.email, password: "wrong password" }, address)).toBe("denied");
    expect(await signIn({ email: disabled.email, password: PASSWORD }, address)).toBe("denied");
    expect(await signIn({ email: disabled.email, password: "wrong password" }, address)).toBe("denied");

    const summary = async (email: string) =>
      (await signInAudit(email)).map((r) => ({
        actorId: r.actorId,
        actorEmail: r.actorEmail,
        request: r.request,
        after: r.after,
      }));
    expect(await summary(unknown)).toEqual([
      {
        actorId: null,
        actorEmail: null,
        request: { email: unknown, address, provider: "credentials" },
        after: { reason: "unknown_account" },
      },
    ]);
    expect(await summary(active.email)).toEqual([
      {
        actorId: active.id,
        actorEmail: active.email,
        request: { email: active.email, address, provider: "credentials" },
        after: { reason: "bad_password" },
      },
    ]);
    // "disabled" only when the password was right: a guesser learns nothing about the account.
    expect((await summary(disabled.email)).map((r) => r.after)).toEqual([
      { reason: "disabled" },
      { reason: "bad_password" },
    ]);
  });

  it("a throttled attempt's row names the provider too", async () => {
    const u = await makeUser(t.db, "buyer", { password: PASSWORD });
    for (let i = 0; i < ACCOUNT_FREE_ATTEMPTS; i++) await signIn({ email: u.email, password: `wrong-${i}` });
    expect(await signIn({ email: u.email, password: PASSWORD })).toBe("throttled");
    const throttled = (await signInAudit(u.email)).filter(
      (r) => (r.after as { reason?: string }).reason === "throttled",
    );
    expect(throttled.map((r) => r.request)).toEqual([
      { email: u.email, address: "192.0.2.30", provider: "credentials" },
    ]);
  });

  it("a malformed credential body is refused with no account looked up, not thrown", async () => {
    for (const raw of [null, "user@test.local", { email: 42, password: PASSWORD }, { email: "u@test.local" }])
      expect(await signIn(raw)).toBe("denied");
    expect(await t.db.loginThrottle.count()).toBe(0);
  });
});

describe("the sign-in POST's answers", () => {
  type Handler = (req: Request) => Promise<Response>;
  const GET: Handler = (req) => callAuthRoute(route.GET, req);
  const POST: Handler = (req) => callAuthRoute(route.POST, req);
  const pair = (setCookie: string) => setCookie.split(";")[0]!;

  async function post(email: string, password: string) {
    const res = await GET(new Request(`${ORIGIN}/api/auth/csrf`));
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = res.headers.getSetCookie().map(pair).join("; ");
    return POST(
      new Request(`${ORIGIN}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, cookie },
        body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
      }),
    );
  }
  const deviceCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith("orderdesk.device="));

  it("a throttled sign-in is 429, Retry-After, and never stored by a cache", async () => {
    const u = await makeUser(t.db, "buyer", { password: PASSWORD });
    const at = new Date();
    await t.db.loginThrottle.create({
      data: { key: accountKey(u.email), failures: 9, windowStart: at, lockedUntil: inSeconds(at, 300) },
    });
    const res = await post(u.email, PASSWORD);
    expect(res.status).toBe(429);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(250);
    expect(deviceCookie(res)).toBeUndefined();
  });

  it("a refused sign-in sets no device cookie; a successful one does", async () => {
    const u = await makeUser(t.db, "buyer", { password: PASSWORD });
    const bad = await post(u.email, "wrong password!");
    expect(bad.status).toBe(401);
    expect(bad.headers.getSetCookie().filter((c) => c.startsWith("orderdesk.device"))).toEqual([]);
    expect(deviceCookie(await post(u.email, PASSWORD))).toMatch(/^orderdesk\.device=[\w-]{22}\./);
  });

  it("a JSON body that does not parse is 400 with the reason", async () => {
    const res = await POST(
      new Request(`${ORIGIN}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", origin: ORIGIN },
        body: "{not json",
      }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "bad_request", message: "The request body is not valid JSON." });
  });
});

describe("the change-password check's own throttle", () => {
  // One instant for every attempt: a loaded machine must not let the one-second delay run out mid-test.
  const at = now();
  async function change(actor: Actor, currentPassword: string) {
    try {
      await changeOwnPassword(actor, { currentPassword, newPassword: STRONG }, { hasher, now: at });
      return "ok";
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return err.code;
    }
  }
  const actorOf = (u: { id: string; email: string; name: string | null; role: Actor["role"] }): Actor => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
  });

  it("is kept per user: one user's wrong passwords neither delay nor are cleared by another's change", async () => {
    const a = actorOf(await makeUser(t.db, "buyer", { password: PASSWORD }));
    const b = actorOf(await makeUser(t.db, "buyer", { password: PASSWORD }));
    const results = [];
    for (let i = 0; i <= PASSWORD_CHECK_FREE_ATTEMPTS; i++) results.push(await change(a, `wrong-${i}`));
    expect(results).toEqual([...Array(PASSWORD_CHECK_FREE_ATTEMPTS).fill("validation_failed"), "rate_limited"]);
    expect((await keysOf()).filter((k) => k.startsWith("pw-check"))).toEqual([`pw-check:${a.id}`]);

    expect(await change(b, PASSWORD)).toBe("ok");
    expect(await row(`pw-check:${a.id}`)).toMatchObject({ failures: PASSWORD_CHECK_FREE_ATTEMPTS });
    expect(await change(a, PASSWORD)).toBe("rate_limited");
  });
});

describe("sign-out", () => {
  it("a token that does not decode revokes nothing and does not throw", async () => {
    for (const token of [null, undefined, "not a token", {}, { sid: "x" }])
      await expect(revokeSession(token)).resolves.toBeUndefined();
    expect(await t.db.revokedSession.count()).toBe(0);
  });

  it("ending every session is audited as succeeded", async () => {
    const u = await makeUser(t.db, "viewer");
    await endAllSessions({ id: u.id, email: u.email, name: u.name, role: u.role }, "corr-end-all");
    const rows = await t.db.auditEvent.findMany({ where: { action: "user.end_sessions", actorId: u.id } });
    expect(rows.map((r) => ({ outcome: r.outcome, actorEmail: r.actorEmail, correlationId: r.correlationId }))).toEqual(
      [{ outcome: "succeeded", actorEmail: u.email, correlationId: "corr-end-all" }],
    );
  });
});
