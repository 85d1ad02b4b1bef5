import { compare } from "bcryptjs";
import { beforeEach, describe, expect, it } from "vitest";
import { PEER_HEADER } from "@/lib/auth/client-address";
import { authorizeCredentials, TOO_MANY_ATTEMPTS } from "@/lib/auth/credentials";
import { DUMMY_HASH, type PasswordHasher } from "@/lib/auth/password";
import { withSignInAttempt } from "@/lib/auth/sign-in-attempt";
import {
  ACCOUNT_FREE_ATTEMPTS,
  ADDRESS_LIMIT,
  DEVICE_LIMIT,
  PAIR_LIMIT,
  signInThrottleState,
  WINDOW_SECONDS,
} from "@/lib/auth/throttle";
import { makeUser } from "@/tests/support/session";
import { useTestDatabase } from "@/tests/support/db";

const t = useTestDatabase();
const PASSWORD = "correct horse battery";

/** Counts every password comparison: the throttle promises none while refused. */
function countingHasher() {
  const h = { compares: 0 } as PasswordHasher & { compares: number };
  h.hash = async () => {
    throw new Error("not used");
  };
  h.compare = async (password, hash) => {
    h.compares++;
    // The cost-12 dummy hash never matches; skipping its work keeps the test fast, the count is what matters.
    return hash === DUMMY_HASH ? false : compare(password, hash);
  };
  return h;
}

// The test's clock starts at the real time and only moves forward: rows it writes are never older than a day by
// the database's clock, which the retention a sign-in triggers (lib/database/retention.ts) goes by.
let clock = new Date(Math.floor(Date.now() / 1000) * 1000);
const later = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));

interface From {
  peer?: string;
  forwarded?: string;
  device?: string;
}

type Result = { outcome: "ok" | "denied" | "throttled"; retryAfter?: number; device?: string };

/** One sign-in attempt from `from` (peer address, a forwarded header, a device cookie), as the POST wrapper runs it. */
async function attempt(email: string, password: string, hasher: PasswordHasher, from: From = {}): Promise<Result> {
  const headers: Record<string, string> = { [PEER_HEADER]: from.peer ?? "192.0.2.1" };
  if (from.forwarded) headers["x-forwarded-for"] = from.forwarded;
  let outcome: Result["outcome"] = "denied";
  const { attempt: noted } = await withSignInAttempt(async () => {
    try {
      const user = await authorizeCredentials({ email, password }, headers, {
        hasher,
        trustProxy: 0,
        now: () => clock,
      });
      if (user) outcome = "ok";
    } catch (err) {
      if ((err as Error).message !== TOO_MANY_ATTEMPTS) throw err;
      outcome = "throttled";
    }
    return new Response();
  }, from.device);
  return { outcome, retryAfter: noted.retryAfterSeconds, device: noted.issuedDeviceToken };
}

const outcomes = (results: Result[]) => results.map((r) => r.outcome);

beforeEach(async () => {
  await t.db.loginThrottle.deleteMany({});
  later(24 * 3600);
});

describe("login throttling", () => {
  it("200 wrong passwords on one account from 200 addresses: 5 hashes, then a delay that doubles, not a lock", async () => {
    const u = await makeUser(t.db, "buyer", { password: PASSWORD });
    const hasher = countingHasher();
    const results: Result[] = [];
    for (let i = 0; i < 200; i++)
      results.push(await attempt(u.email, `wrong-${i}`, hasher, { peer: `10.0.${i >> 8}.${i & 255}` }));
    expect(hasher.compares).toBe(ACCOUNT_FREE_ATTEMPTS);
    expect(outcomes(results.slice(0, ACCOUNT_FREE_ATTEMPTS))).toEqual(Array(ACCOUNT_FREE_ATTEMPTS).fill("denied"));
    expect(results.slice(ACCOUNT_FREE_ATTEMPTS).every((r) => r.outcome === "throttled" && r.retryAfter === 1)).toBe(
      true,
    );

    // Each further guess, once its delay has passed, doubles the next delay, up to the window.
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      const wait = (await signInThrottleState(u.email, "203.0.113.1", clock)).retryAfterSeconds;
      delays.push(wait);
      later(wait);
      expect((await attempt(u.email, "wrong", hasher, { peer: `10.2.0.${i}` })).outcome).toBe("denied");
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    expect(hasher.compares).toBe(ACCOUNT_FREE_ATTEMPTS + 12);

    // Not a lock: once the delay has passed, the owner's right password works even from a new device.
    later(WINDOW_SECONDS);
    expect((await attempt(u.email, PASSWORD, hasher, { peer: "10.9.9.9" })).outcome).toBe("ok");
  });

  it("no lockout by strangers: after 500 wrong passwords the owner still signs in from a device used before", async () => {
    const u = await makeUser(t.db, "admin", { password: PASSWORD });
    const hasher = countingHasher();
    const first = await attempt(u.email, PASSWORD, hasher, { peer: "198.51.100.20" });
    expect(first.outcome).toBe("ok");
    expect(first.device).toBeTruthy();

    for (let i = 0; i < 500; i++) await attempt(u.email, `guess-${i}`, hasher, { peer: `10.3.${i >> 8}.${i & 255}` });
    const compares = hasher.compares;
    // Untrusted devices are delayed (no hash computed) ...
    expect((await attempt(u.email, PASSWORD, hasher, { peer: "198.51.100.20" })).outcome).toBe("throttled");
    // ... the owner's device is not, even from another address, and gets a fresh token.
    const again = await attempt(u.email, PASSWORD, hasher, { peer: "198.51.100.99", device: first.device });
    expect(again.outcome).toBe("ok");
    expect(again.device).toBeTruthy();
    expect(again.device).not.toBe(first.device);
    expect(hasher.compares).toBe(compares + 1);
  });

  it("a device token works only for the account it was issued to, and is itself limited", async () => {
    const owner = await makeUser(t.db, "viewer", { password: PASSWORD });
    const victim = await makeUser(t.db, "admin", { password: PASSWORD });
    const hasher = countingHasher();
    const { device } = await attempt(owner.email, PASSWORD, hasher);
    for (let i = 0; i < 20; i++) await attempt(victim.email, `guess-${i}`, hasher, { device, peer: `10.4.0.${i}` });
    // Another account's token counts as none: the victim's account delayed the attacker as any stranger.
    expect(hasher.compares).toBe(1 + ACCOUNT_FREE_ATTEMPTS);

    const results: Result[] = [];
    for (let i = 0; i < DEVICE_LIMIT + 3; i++) results.push(await attempt(owner.email, "wrong", hasher, { device }));
    expect(outcomes(results)).toEqual([...Array(DEVICE_LIMIT).fill("denied"), ...Array(3).fill("throttled")]);
    expect(results.at(-1)?.retryAfter).toBe(WINDOW_SECONDS);
  });

  it("strict per account and address: 5 guesses, then that address waits out the window", async () => {
    const u = await makeUser(t.db, "buyer", { password: PASSWORD });
    const hasher = countingHasher();
    const from = { peer: "203.0.113.50" };
    for (let i = 0; i < PAIR_LIMIT; i++) expect((await attempt(u.email, "nope", hasher, from)).outcome).toBe("denied");
    later(ACCOUNT_FREE_ATTEMPTS * 60);
    const refused = await attempt(u.email, PASSWORD, hasher, from);
    expect(refused.outcome).toBe("throttled");
    expect(refused.retryAfter).toBe(WINDOW_SECONDS - ACCOUNT_FREE_ATTEMPTS * 60);
    expect(hasher.compares).toBe(PAIR_LIMIT);
    expect((await attempt(u.email, PASSWORD, hasher, { peer: "203.0.113.51" })).outcome).toBe("ok");
  });

  it("a success clears the account's count", async () => {
    const u = await makeUser(t.db, "viewer", { password: PASSWORD });
    const hasher = countingHasher();
    for (let i = 0; i < PAIR_LIMIT - 1; i++) expect((await attempt(u.email, "nope", hasher)).outcome).toBe("denied");
    expect((await attempt(u.email, PASSWORD, hasher)).outcome).toBe("ok");
    for (let i = 0; i < PAIR_LIMIT - 1; i++) expect((await attempt(u.email, "nope", hasher)).outcome).toBe("denied");
    expect((await signInThrottleState(u.email, "192.0.2.1", clock)).throttled).toBe(false);
  });

  it("many accounts from one address: refused after 50 attempts, without hashing", async () => {
    const hasher = countingHasher();
    const from = { peer: "192.0.2.44" };
    for (let i = 0; i < ADDRESS_LIMIT; i++)
      expect((await attempt(`nobody-${i}@test.local`, "guess", hasher, from)).outcome).toBe("denied");
    expect(hasher.compares).toBe(ADDRESS_LIMIT);
    const u = await makeUser(t.db, "buyer", { password: PASSWORD });
    expect((await attempt(u.email, PASSWORD, hasher, from)).outcome).toBe("throttled");
    expect((await attempt("another@test.local", "guess", hasher, from)).outcome).toBe("throttled");
    expect(hasher.compares).toBe(ADDRESS_LIMIT);
    expect((await attempt(u.email, PASSWORD, hasher, { peer: "192.0.2.45" })).outcome).toBe("ok");
  });

  it("a spoofed X-Forwarded-For changes nothing: 60 invented addresses and e-mails from one peer", async () => {
    const hasher = countingHasher();
    const results: Result[] = [];
    for (let i = 0; i < 60; i++) {
      const forwarded = `${(i * 7) % 223}.${i}.${(i * 3) % 255}.${i + 1}`;
      results.push(await attempt(`spoof-${i}@test.local`, "guess", hasher, { peer: "192.0.2.77", forwarded }));
    }
    expect(hasher.compares).toBe(ADDRESS_LIMIT);
    expect(outcomes(results.slice(ADDRESS_LIMIT))).toEqual(Array(60 - ADDRESS_LIMIT).fill("throttled"));
    const rows = await t.db.auditEvent.findMany({ where: { action: "user.sign_in", outcome: "failed" } });
    const addresses = new Set(
      rows
        .map((r) => r.request as { email?: string; address?: string })
        .filter((r) => r.email?.startsWith("spoof-"))
        .map((r) => r.address),
    );
    expect([...addresses]).toEqual(["192.0.2.77"]);
  });

  it("200 concurrent wrong passwords: at most 5 hashes", async () => {
    const u = await makeUser(t.db, "viewer", { password: PASSWORD });
    const hasher = countingHasher();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        attempt(u.email, `wrong-${i}`, hasher, { peer: `10.1.${i >> 8}.${i & 255}` }),
      ),
    );
    expect(hasher.compares).toBeLessThanOrEqual(ACCOUNT_FREE_ATTEMPTS);
    expect(results.filter((r) => r.outcome === "throttled").length).toBeGreaterThanOrEqual(200 - ACCOUNT_FREE_ATTEMPTS);
  });

  it("audits failures without the password, and throttled refusals once per account, address and window", async () => {
    const u = await makeUser(t.db, "buyer", { password: PASSWORD });
    const hasher = countingHasher();
    for (let i = 0; i < PAIR_LIMIT + 30; i++) await attempt(u.email, "Sup3rSecretGuess!", hasher);
    for (let i = 0; i < 10; i++) await attempt(u.email, "Sup3rSecretGuess!", hasher, { peer: "192.0.2.2" });
    const failed = await t.db.auditEvent.findMany({ where: { action: "user.sign_in", outcome: "failed" } });
    const mine = failed.filter((r) => (r.request as { email?: string }).email === u.email);
    const reasons = (address: string) =>
      mine
        .filter((r) => (r.request as { address?: string }).address === address)
        .map((r) => (r.after as { reason: string }).reason);
    expect(reasons("192.0.2.1")).toEqual([...Array(PAIR_LIMIT).fill("bad_password"), "throttled"]);
    expect(reasons("192.0.2.2")).toEqual(["throttled"]);
    // A new window: one more row for the same account and address.
    later(WINDOW_SECONDS);
    await t.db.loginThrottle.deleteMany({ where: { key: { startsWith: "acct" } } });
    for (let i = 0; i < PAIR_LIMIT + 5; i++) await attempt(u.email, "Sup3rSecretGuess!", hasher);
    const after = await t.db.auditEvent.findMany({ where: { action: "user.sign_in", outcome: "failed" } });
    const throttledRows = after.filter(
      (r) =>
        (r.request as { email?: string }).email === u.email && (r.after as { reason: string }).reason === "throttled",
    );
    expect(throttledRows).toHaveLength(3);
    const all = JSON.stringify(await t.db.auditEvent.findMany({}), (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(all).not.toContain("Sup3rSecretGuess!");
  });

  it("does not reveal whether an account exists or is disabled", async () => {
    const hasher = countingHasher();
    const d = await makeUser(t.db, "buyer", { password: PASSWORD, disabled: true });
    expect((await attempt(d.email, PASSWORD, hasher)).outcome).toBe("denied");
    expect((await attempt("ghost@test.local", PASSWORD, hasher)).outcome).toBe("denied");
    expect(hasher.compares).toBe(2);
  });
});
