// The budget store in the database: atomic across pools (instances), a sliding window, and a database failure
// that reaches the caller as the database's own error (503), not as an Ingram failure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { toAppError } from "@/lib/error-map";
import { budgetLimits, type BudgetPriority } from "@/lib/ingram/call-policy";
import { createIngramClient } from "@/lib/ingram/client";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { PgBudget } from "@/lib/ingram-budget/pg-budget";
import { newCorrelationId } from "@/lib/correlation-id";
import { useTestDatabase } from "@/tests/support/db";
import { json, startFakeIngram, type FakeIngram } from "@/tests/support/fake-ingram";
import { testConfig } from "@/tests/support/ingram-test-config";

const t = useTestDatabase();
const limits = budgetLimits({ perMinute: 60 });
let secondDb: Db;
let fake: FakeIngram;

beforeAll(async () => {
  secondDb = t.kind === "postgres" ? createDb(t.url, 10) : t.db;
  fake = await startFakeIngram();
  fake.handle = (_req, res) => json(res, 200, { ingramOrderNumber: "20-RD128" });
});

afterAll(async () => {
  await fake?.close();
  if (secondDb && secondDb !== t.db) await secondDb.$disconnect();
});

let endpointCounter = 0;
const endpoint = () => `GET /test/${++endpointCounter}`;

describe("PgBudget", () => {
  it("grants exactly the limit to 200 concurrent requests from two instances", async () => {
    const a = new PgBudget(t.db, limits);
    const b = new PgBudget(secondDb, limits);
    const e = endpoint();
    const now = Date.now();
    const decisions = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).acquire({ endpoint: e, priority: "change", now })),
    );
    expect(decisions.filter((d) => d.granted)).toHaveLength(60);
    expect(await t.db.ingramBudgetGrant.count({ where: { endpoint: e } })).toBe(60);
  });

  it("keeps headroom per priority and the user share, as the policy says", async () => {
    const a = new PgBudget(t.db, limits);
    const b = new PgBudget(secondDb, limits);
    const e = endpoint();
    const now = Date.now();
    const granted = async (priority: BudgetPriority, userId: string | undefined, n: number) => {
      let ok = 0;
      for (let i = 0; i < n; i++)
        if ((await (i % 2 ? a : b).acquire({ endpoint: e, priority, userId, now })).granted) ok++;
      return ok;
    };
    expect(await granted("export", undefined, 30)).toBe(20);
    expect(await granted("interactive", "viewer", 30)).toBe(20);
    expect(await a.acquire({ endpoint: e, priority: "interactive", userId: "viewer", now: now + 1000 })).toEqual({
      granted: false,
      retryAfterMs: limits.windowMs - 1000,
    });
    expect(await granted("interactive", "colleague", 30)).toBe(10);
    expect(await granted("change", "buyer", 30)).toBe(10);
  });

  it("frees the window as it slides and drops grants that left it", async () => {
    const a = new PgBudget(t.db, limits);
    const e = endpoint();
    const start = Date.now();
    for (let i = 0; i < 60; i++)
      expect(await a.acquire({ endpoint: e, priority: "change", now: start + i * 100 })).toEqual({ granted: true });
    expect(await a.acquire({ endpoint: e, priority: "change", now: start + 6000 })).toEqual({
      granted: false,
      retryAfterMs: limits.windowMs - 6000,
    });
    expect(await a.acquire({ endpoint: e, priority: "change", now: start + limits.windowMs })).toEqual({
      granted: true,
    });
    expect(await a.acquire({ endpoint: e, priority: "change", now: start + limits.windowMs })).toEqual({
      granted: false,
      retryAfterMs: 100,
    });
    // The first grant left the window and was deleted; 59 + 1 remain.
    expect(await t.db.ingramBudgetGrant.count({ where: { endpoint: e } })).toBe(60);
  });

  it("a database that cannot be reached ends the call as a 503, sends nothing and is not retried", async () => {
    const down = createDb("postgresql://postgres@127.0.0.1:1/none", 1);
    try {
      const client = createIngramClient(testConfig(fake, { budget: new PgBudget(down, limits), timeoutMs: 8000 }));
      fake.requests.length = 0;
      const err = await client.getOrder("20-RD128", {}, { correlationId: newCorrelationId() }).catch((e: unknown) => e);
      expect(err).not.toBeInstanceOf(IngramError);
      expect(toAppError(err)).toMatchObject({ code: "db_unavailable", status: 503 });
      expect(fake.requests).toHaveLength(0);
    } finally {
      await down.$disconnect();
    }
  });
});
