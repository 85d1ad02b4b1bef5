import { describe, expect, it } from "vitest";
import {
  BudgetGate,
  MemoryBudget,
  budgetLimits,
  decide,
  type BudgetPriority,
  type BudgetRequest,
} from "@/lib/ingram/call-policy";

const GET = "GET /resellers/v6.1/orders/{}";
const limits = budgetLimits({
  perMinute: 10,
  reserve: { interactive: 2, webhook: 4, sync: 6, export: 8 },
  userShare: 3,
  windowMs: 60_000,
});
const ask = (b: MemoryBudget, now: number, priority: BudgetPriority, userId?: string, endpoint = GET) =>
  b.acquire({ endpoint, priority, userId, now });

async function grantsUntilRefused(b: MemoryBudget, req: Omit<BudgetRequest, "endpoint">): Promise<number> {
  let n = 0;
  while ((await b.acquire({ endpoint: GET, ...req })).granted) n++;
  return n;
}

describe("budget priorities", () => {
  it("each priority stops where its reserve begins; changes may use the whole minute", async () => {
    const b = new MemoryBudget(limits);
    expect(await grantsUntilRefused(b, { priority: "export", now: 0 })).toBe(2);
    expect(await grantsUntilRefused(b, { priority: "sync", now: 0 })).toBe(2);
    expect(await grantsUntilRefused(b, { priority: "webhook", now: 0 })).toBe(2);
    expect(await grantsUntilRefused(b, { priority: "interactive", now: 0 })).toBe(2);
    expect(await grantsUntilRefused(b, { priority: "change", now: 0 })).toBe(2);
    expect(await ask(b, 0, "change")).toEqual({ granted: false, retryAfterMs: 60_000 });
  });

  it("a lower priority cannot take what the higher ones keep, whatever its volume", async () => {
    const b = new MemoryBudget(limits);
    expect(await grantsUntilRefused(b, { priority: "export", now: 0 })).toBe(2);
    expect(await grantsUntilRefused(b, { priority: "export", now: 1000 })).toBe(0);
    expect(await grantsUntilRefused(b, { priority: "change", now: 1000 })).toBe(8);
  });

  it("the refusal says when a call of that priority would be granted", async () => {
    const b = new MemoryBudget(limits);
    for (let i = 0; i < 8; i++) expect(await ask(b, i * 1000, "interactive", `u${i}`)).toEqual({ granted: true });
    // 8 grants at 0..7 s; interactive may hold 8: the oldest must leave the window first
    expect(await ask(b, 10_000, "interactive", "x")).toEqual({ granted: false, retryAfterMs: 50_000 });
    // sync may hold 4: it waits for the 5th oldest (at 4 s) to leave
    expect(await ask(b, 10_000, "sync")).toEqual({ granted: false, retryAfterMs: 54_000 });
    expect(await ask(b, 60_000, "interactive", "x")).toEqual({ granted: true });
  });

  it("the window slides: no window of its length ever holds more than the limit", async () => {
    const b = new MemoryBudget(limits);
    const granted: number[] = [];
    for (let t = 0; t < 300_000; t += 1500) if ((await ask(b, t, "change")).granted) granted.push(t);
    for (const start of granted)
      expect(granted.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(10);
    expect(granted.length).toBeGreaterThanOrEqual(40);
  });

  it("endpoints have budgets of their own", async () => {
    const b = new MemoryBudget(limits);
    expect(await grantsUntilRefused(b, { priority: "change", now: 0 })).toBe(10);
    expect(await ask(b, 0, "change", undefined, "GET /resellers/v6/orders/search")).toEqual({ granted: true });
  });
});

describe("fair share", () => {
  it("one user's interactive reads stop at the share; others still get theirs", async () => {
    const b = new MemoryBudget(limits);
    expect(await grantsUntilRefused(b, { priority: "interactive", userId: "viewer", now: 0 })).toBe(3);
    expect(await ask(b, 5000, "interactive", "viewer")).toEqual({ granted: false, retryAfterMs: 55_000 });
    expect(await grantsUntilRefused(b, { priority: "interactive", userId: "colleague", now: 0 })).toBe(3);
  });

  it("a viewer hammering one order leaves a buyer's change and its read-before their budget", async () => {
    const b = new MemoryBudget(limits);
    let viewer = 0;
    for (let i = 0; i < 200; i++) if ((await ask(b, i * 100, "interactive", "viewer")).granted) viewer++;
    expect(viewer).toBe(3);
    expect(await ask(b, 20_000, "change", "buyer")).toEqual({ granted: true });
    expect(await ask(b, 20_000, "change", "buyer")).toEqual({ granted: true });
  });

  it("the share is per user and counts interactive reads only", () => {
    const grants = [
      { at: 0, priority: "change" as const, userId: "u" },
      { at: 0, priority: "change" as const, userId: "u" },
      { at: 0, priority: "change" as const, userId: "u" },
    ];
    expect(decide(limits, grants, { endpoint: GET, priority: "interactive", userId: "u", now: 1 })).toEqual({
      granted: true,
    });
  });
});

describe("limits", () => {
  it("defaults: 60 a minute, reserves growing down the priorities, changes keep all of it", () => {
    const d = budgetLimits();
    expect(d.perMinute).toBe(60);
    expect(d.reserve).toEqual({ change: 0, interactive: 10, webhook: 20, sync: 30, export: 40 });
    expect(d.userShare).toBe(20);
    expect(d.windowMs).toBeGreaterThanOrEqual(60_000);
  });

  it("default reserves and share scale with the limit", () => {
    expect(budgetLimits({ perMinute: 3 })).toMatchObject({
      reserve: { change: 0, interactive: 0, webhook: 1, sync: 1, export: 2 },
      userShare: 1,
    });
    expect(budgetLimits({ perMinute: 6000 }).userShare).toBe(2000);
  });

  it("refuses a reserve that would leave a priority nothing", () => {
    expect(() => budgetLimits({ perMinute: 10, reserve: { export: 10 } })).toThrow(/export/);
  });
});

describe("BudgetGate", () => {
  it("holds an endpoint Ingram told to wait, without spending budget", async () => {
    const b = new MemoryBudget(limits);
    const gate = new BudgetGate(b);
    gate.hold(GET, 3000);
    expect(await gate.ask({ endpoint: GET, priority: "change", now: 1000 })).toBe(2000);
    expect(await gate.ask({ endpoint: "GET /resellers/v6/orders/search", priority: "change", now: 1000 })).toBe(0);
    expect(await gate.ask({ endpoint: GET, priority: "change", now: 3000 })).toBe(0);
    expect(await grantsUntilRefused(b, { priority: "change", now: 3000 })).toBe(9);
  });
});
