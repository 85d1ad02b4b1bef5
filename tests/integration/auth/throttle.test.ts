import { compare } from "bcryptjs";
import { beforeEach, describe, expect, it } from "vitest";
import { authorizeCredentials, TOO_MANY_ATTEMPTS } from "@/lib/auth/credentials";
import { DUMMY_HASH, type PasswordHasher } from "@/lib/auth/password";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, signInThrottleState, WINDOW_SECONDS } from "@/lib/auth/throttle";
import { makeUser } from "@/tests/support/session";
import { useTestDatabase } from "@/tests/support/db";

const t = useTestDatabase();

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

let clock = new Date("2026-11-27T10:00:00Z");
const deps = (hasher: PasswordHasher, trustProxy = false) => ({ hasher, trustProxy, now: () => clock });
const NO_HEADERS = {};

async function attempt(
  email: string,
  password: string,
  hasher: PasswordHasher,
  headers: Record<string, string> = NO_HEADERS,
) {
  try {
    return (await authorizeCredentials({ email, password }, headers, deps(hasher, true))) ? "ok" : "denied";
  } catch (err) {
    if ((err as Error).message === TOO_MANY_ATTEMPTS) return "throttled";
    throw err;
  }
}

beforeEach(async () => {
  await t.db.loginThrottle.deleteMany({});
  clock = new Date(clock.getTime() + 24 * 3600_000);
});

describe("login throttling", () => {
  it("200 wrong passwords on one account: at most 5 hashes, then refusal with a retry time", async () => {
    const u = await makeUser(t.db, "buyer", { password: "correct horse battery" });
    const hasher = countingHasher();
    const results: string[] = [];
    for (let i = 0; i < 200; i++)
      results.push(await attempt(u.email, `wrong-${i}`, hasher, { "x-forwarded-for": `10.0.${i >> 8}.${i & 255}` }));
    expect(hasher.compares).toBe(ACCOUNT_LIMIT);
    expect(results.filter((r) => r === "denied")).toHaveLength(ACCOUNT_LIMIT);
    expect(results.slice(ACCOUNT_LIMIT).every((r) => r === "throttled")).toBe(true);

    const state = await signInThrottleState(u.email, "unused", clock);
    expect(state.throttled).toBe(true);
    expect(state.retryAfterSeconds).toBe(WINDOW_SECONDS);

    // Even the right password is refused, unhashed, until the window ends.
    expect(await attempt(u.email, "correct horse battery", hasher, { "x-forwarded-for": "10.9.9.9" })).toBe(
      "throttled",
    );
    expect(hasher.compares).toBe(ACCOUNT_LIMIT);
    clock = new Date(clock.getTime() + WINDOW_SECONDS * 1000);
    expect(await attempt(u.email, "correct horse battery", hasher, { "x-forwarded-for": "10.9.9.9" })).toBe("ok");
  });

  it("200 concurrent wrong passwords: still at most 5 hashes", async () => {
    const u = await makeUser(t.db, "viewer", { password: "correct horse battery" });
    const hasher = countingHasher();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        attempt(u.email, `wrong-${i}`, hasher, { "x-forwarded-for": `10.1.${i >> 8}.${i & 255}` }),
      ),
    );
    expect(hasher.compares).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(results.filter((r) => r === "throttled").length).toBeGreaterThanOrEqual(200 - ACCOUNT_LIMIT);
  });

  it("a success clears the account's window", async () => {
    const u = await makeUser(t.db, "viewer", { password: "correct horse battery" });
    const hasher = countingHasher();
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) expect(await attempt(u.email, "nope", hasher)).toBe("denied");
    expect(await attempt(u.email, "correct horse battery", hasher)).toBe("ok");
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) expect(await attempt(u.email, "nope", hasher)).toBe("denied");
    expect((await signInThrottleState(u.email, "unknown", clock)).throttled).toBe(false);
  });

  it("many accounts from one address: refused after 50 failures, without hashing", async () => {
    const hasher = countingHasher();
    const ip = { "x-forwarded-for": "192.0.2.44" };
    for (let i = 0; i < ADDRESS_LIMIT; i++)
      expect(await attempt(`nobody-${i}@test.local`, "guess", hasher, ip)).toBe("denied");
    expect(hasher.compares).toBe(ADDRESS_LIMIT);
    const u = await makeUser(t.db, "buyer", { password: "correct horse battery" });
    expect(await attempt(u.email, "correct horse battery", hasher, ip)).toBe("throttled");
    expect(await attempt("another@test.local", "guess", hasher, ip)).toBe("throttled");
    expect(hasher.compares).toBe(ADDRESS_LIMIT);
    // Another address is unaffected.
    expect(await attempt(u.email, "correct horse battery", hasher, { "x-forwarded-for": "192.0.2.45" })).toBe("ok");
  });

  it("records failures in the audit log without the password", async () => {
    const u = await makeUser(t.db, "buyer", { password: "correct horse battery" });
    const hasher = countingHasher();
    for (let i = 0; i < ACCOUNT_LIMIT + 3; i++) await attempt(u.email, "Sup3rSecretGuess!", hasher);
    const rows = await t.db.auditEvent.findMany({
      where: { action: "user.sign_in", outcome: "failed", actorEmail: u.email },
    });
    const throttled = await t.db.auditEvent.findMany({
      where: { action: "user.sign_in", outcome: "failed", actorEmail: null },
    });
    expect(rows).toHaveLength(ACCOUNT_LIMIT);
    expect(rows.every((r) => (r.after as { reason: string }).reason === "bad_password")).toBe(true);
    expect(throttled.filter((r) => (r.request as { email?: string }).email === u.email)).toHaveLength(1);
    const all = JSON.stringify(await t.db.auditEvent.findMany({}), (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(all).not.toContain("Sup3rSecretGuess!");
  });

  it("does not reveal whether an account exists or is disabled", async () => {
    const hasher = countingHasher();
    const d = await makeUser(t.db, "buyer", { password: "correct horse battery", disabled: true });
    expect(await attempt(d.email, "correct horse battery", hasher)).toBe("denied");
    expect(await attempt("ghost@test.local", "correct horse battery", hasher)).toBe("denied");
    expect(hasher.compares).toBe(2);
  });
});
