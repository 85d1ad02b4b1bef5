// Two portal instances (each its own Ingram client, token cache and database pool) share one budget through
// one database and call one sandbox that enforces Ingram's 60 calls a minute. Under 300 page views a minute
// with a sync running, the sandbox never sees more than 60 calls per endpoint in any of its minutes, and never
// has to refuse one: the budget did. Time is the sandbox's clock, moved by the test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { budgetLimits, type BudgetPriority } from "@/lib/ingram/call-policy";
import { createIngramClient, type IngramClient } from "@/lib/ingram/client";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "@/lib/ingram/sandbox/start-sandbox";
import { PgBudget } from "@/lib/ingram-budget/pg-budget";
import { newCorrelationId } from "@/lib/correlation-id";
import { useTestDatabase } from "@/tests/support/db";
import { useSandbox } from "@/tests/support/sandbox";

const t = useTestDatabase();
const sb = useSandbox({ rateLimitPerMinute: 60, orderCount: 120 });
let secondDb: Db;

beforeAll(() => {
  // PGlite serves one connection at a time: there both instances use the suite's client.
  secondDb = t.kind === "postgres" ? createDb(t.url, 10) : t.db;
});

afterAll(async () => {
  if (secondDb && secondDb !== t.db) await secondDb.$disconnect();
});

function instance(db: Db): IngramClient {
  return createIngramClient({
    baseUrl: sb.sandbox.url,
    tokenUrl: sb.sandbox.tokenUrl,
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: SANDBOX_CLIENT_SECRET,
    customerNumber: "20-222222",
    countryCode: "US",
    senderId: "orderdesk-tests",
    timeoutMs: 10_000,
    maxRetries: 0,
    budget: new PgBudget(db, budgetLimits()),
    now: () => sb.sandbox.clock.now(),
  });
}

interface Tally {
  granted: number;
  refused: number;
  other: unknown[];
}

describe("one budget for all instances", () => {
  it("300 page views a minute over two instances, sync running: at most 60 calls per endpoint each minute", async () => {
    const instances = [instance(t.db), instance(secondDb)];
    const orderNumbers = sb.sandbox.store.listOrders().map((o) => o.ingramOrderNumber);
    const tally = new Map<string, Tally>();
    const count = (key: string, outcome: "granted" | "refused" | unknown) => {
      const row = tally.get(key) ?? { granted: 0, refused: 0, other: [] };
      if (outcome === "granted") row.granted++;
      else if (outcome === "refused") row.refused++;
      else row.other.push(outcome);
      tally.set(key, row);
    };
    const view = async (i: number) => {
      const client = instances[i % 2]!;
      const userId = `user-${i % 12}`;
      const kind = i % 10 < 6 ? "get" : i % 10 < 9 ? "search" : "sync";
      const priority: BudgetPriority = kind === "sync" ? "sync" : "interactive";
      const ctx = { correlationId: newCorrelationId(), priority, ...(kind === "sync" ? {} : { userId }) };
      try {
        if (kind === "get") await client.getOrder(orderNumbers[i % orderNumbers.length]!, {}, ctx);
        else await client.searchOrders({ pageNumber: 1 + (i % 5), pageSize: 25 }, ctx);
        count(`${kind}:${i % 2}`, "granted");
      } catch (e) {
        count(`${kind}:${i % 2}`, e instanceof IngramError && e.kind === "budget" ? "refused" : e);
      }
    };
    // Two minutes of sandbox time: every 10 s, 50 page views at once (300 a minute).
    let i = 0;
    for (let step = 0; step < 12; step++) {
      await Promise.all(Array.from({ length: 50 }, () => view(i++)));
      sb.sandbox.clock.advance(10_000);
    }

    for (const row of tally.values()) expect(row.other).toEqual([]);
    const minutes = sb.sandbox.stats.perMinute();
    expect(minutes.length).toBeGreaterThanOrEqual(2);
    for (const m of minutes) {
      expect(m.counts.get ?? 0, m.minute).toBeLessThanOrEqual(60);
      expect(m.counts.search ?? 0, m.minute).toBeLessThanOrEqual(60);
    }
    const sum = (key: string, field: "granted" | "refused") =>
      (tally.get(`${key}:0`)?.[field] ?? 0) + (tally.get(`${key}:1`)?.[field] ?? 0);
    // The budget was the limit, and it was used: each endpoint got most of what it may have in two minutes.
    expect(sum("get", "refused")).toBeGreaterThan(0);
    expect(sum("get", "granted")).toBeGreaterThanOrEqual(50);
    expect(sum("search", "granted") + sum("sync", "granted")).toBeGreaterThanOrEqual(50);
    expect(sum("sync", "granted")).toBeGreaterThan(0);
    // Both instances were served from the one budget.
    expect(tally.get("get:0")?.granted).toBeGreaterThan(0);
    expect(tally.get("get:1")?.granted).toBeGreaterThan(0);
    expect(sb.sandbox.stats.count("get")).toBe(sum("get", "granted"));
  });
});
