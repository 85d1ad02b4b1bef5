import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createIngramClient } from "@/lib/ingram/client";
import type { BudgetRequest } from "@/lib/ingram/call-policy";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { newCorrelationId } from "@/lib/correlation-id";
import { json, startFakeIngram, type FakeIngram } from "@/tests/support/fake-ingram";
import { testConfig } from "@/tests/support/ingram-test-config";

const ctx = () => ({ correlationId: newCorrelationId() });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as IngramError,
  );
let fake: FakeIngram;
beforeEach(async () => {
  fake = await startFakeIngram();
});
afterEach(() => fake.close());

describe("retries", () => {
  it.each([429, 502, 503, 504])("GETs retry on %i at most twice", async (status) => {
    fake.handle = (_req, res) => json(res, status, { errors: [{ message: "busy" }] }, { "retry-after": "0" });
    const client = createIngramClient(testConfig(fake, { breakerFailureThreshold: 10 }));
    const err = await failure(client.getOrder("20-RD128", {}, ctx()));
    expect(err).toMatchObject({ status, kind: status === 429 ? "rate_limited" : "http" });
    expect(fake.requests).toHaveLength(3);
  });

  it("a GET that recovers returns the data; Retry-After is honored", async () => {
    const at: number[] = [];
    fake.handle = (_req, res) => {
      at.push(Date.now());
      if (at.length === 1) return json(res, 503, {}, { "retry-after": "1" });
      json(res, 200, { recordsFound: 0, orders: [] });
    };
    const client = createIngramClient(testConfig(fake, { timeoutMs: 3000 }));
    const r = await client.searchOrders({}, ctx());
    expect(r.status).toBe(200);
    expect(at).toHaveLength(2);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(950);
  });

  it("a Retry-After beyond the budget is not waited for", async () => {
    fake.handle = (_req, res) =>
      json(res, 429, { errors: [{ field: null, message: "too many requests" }] }, { "retry-after": "30" });
    const client = createIngramClient(testConfig(fake, { timeoutMs: 2000 }));
    // Not waited for: a wait for 30 s would be cut by the call's 2 s deadline and fail as "timeout"; it fails
    // with upstream's 429 instead, after the one request (no clock: a busy machine is not a failure).
    const err = await failure(client.searchOrders({}, ctx()));
    expect(err).toMatchObject({
      kind: "rate_limited",
      status: 429,
      retryAfterSeconds: 30,
      errors: [{ message: "too many requests" }],
    });
    expect(fake.requests).toHaveLength(1);
    // the client now holds this endpoint instead of hammering upstream
    await expect(client.searchOrders({}, ctx())).rejects.toMatchObject({ kind: "budget", status: 0 });
    expect(fake.requests).toHaveLength(1);
  });

  it("GETs retry after a dropped connection", async () => {
    fake.handle = (req, res) => {
      if (fake.requests.length === 1) return void res.socket?.destroy();
      json(res, 200, { ingramOrderNumber: "20-RD128" });
    };
    const client = createIngramClient(testConfig(fake));
    expect((await client.getOrder("20-RD128", {}, ctx())).data.ingramOrderNumber).toBe("20-RD128");
    expect(fake.requests).toHaveLength(2);
  });

  it("writes are never retried, whatever the failure", async () => {
    let client = createIngramClient(testConfig(fake));
    const calls = [
      () => client.createOrder({ customerOrderNumber: "PO" }, ctx()),
      () => client.createOrderV7({ customerOrderNumber: "PO" }, ctx()),
      () => client.modifyOrder("20-RC1RD", { notes: "x" }, ctx()),
      () => client.releaseOrder("20-RC1RD", ctx()),
      () => client.cancelOrder("20-RD128", ctx()),
    ];
    for (const status of [429, 502, 503, 504]) {
      fake.handle = (_req, res) => json(res, status, {}, { "retry-after": "0" });
      client = createIngramClient(testConfig(fake)); // a fresh breaker per status
      for (const call of calls) {
        fake.requests.length = 0;
        await expect(call()).rejects.toMatchObject({ status });
        expect(fake.requests).toHaveLength(1);
      }
    }
    fake.handle = (_req, res) => void res.socket?.destroy();
    client = createIngramClient(testConfig(fake));
    for (const call of calls) {
      fake.requests.length = 0;
      await expect(call()).rejects.toMatchObject({ kind: "network" });
      expect(fake.requests).toHaveLength(1);
    }
  });
});

describe("budget", () => {
  it("refuses GETs per endpoint past the limit, without a request, saying when to come back", async () => {
    const client = createIngramClient(testConfig(fake, { rateLimitPerMinute: 3, timeoutMs: 1000 }));
    for (let i = 0; i < 3; i++) await client.searchOrders({}, ctx());
    const err = await failure(client.searchOrders({}, ctx()));
    expect(err).toMatchObject({ kind: "budget", status: 0, op: "search" });
    expect(err!.retryAfterSeconds).toBeGreaterThan(50);
    expect(err!.retryAfterSeconds).toBeLessThanOrEqual(61);
    expect(fake.requests).toHaveLength(3);
    await client.getOrder("20-RD128", {}, ctx()); // another endpoint has its own budget
    await client.cancelOrder("20-RD128", ctx());
    expect(fake.requests).toHaveLength(5);
  });

  it("a refused call is not queued: it fails at once, and goes once the window has moved on", async () => {
    let offset = 0;
    const client = createIngramClient(
      testConfig(fake, { rateLimitPerMinute: 2, timeoutMs: 5000, now: () => Date.now() + offset }),
    );
    await client.searchOrders({}, ctx());
    await client.searchOrders({}, ctx());
    const refused = await failure(client.searchOrders({}, ctx()));
    expect(refused).toMatchObject({ kind: "budget" });
    expect(fake.requests).toHaveLength(2);
    offset = 61_000;
    await client.searchOrders({}, ctx());
    expect(fake.requests).toHaveLength(3);
  });

  it("a refusal is no failure: nothing sent, no retry, the breaker stays closed", async () => {
    let refuse = true;
    const asked: BudgetRequest[] = [];
    const budget = {
      acquire: async (req: BudgetRequest) => {
        asked.push(req);
        return refuse ? { granted: false as const, retryAfterMs: 1500 } : { granted: true as const };
      },
    };
    const client = createIngramClient(testConfig(fake, { budget, breakerFailureThreshold: 1 }));
    for (let i = 0; i < 5; i++) {
      await expect(client.getOrder("20-RD128", {}, { ...ctx(), priority: "webhook" })).rejects.toMatchObject({
        kind: "budget",
        status: 0,
        retryAfterSeconds: 2,
      });
    }
    expect(asked).toHaveLength(5);
    expect(asked[0]).toMatchObject({ endpoint: "GET /resellers/v6.1/orders/{}", priority: "webhook" });
    expect(fake.requests).toHaveLength(0);
    refuse = false;
    await client.getOrder("20-RD128", {}, ctx());
    expect(fake.requests).toHaveLength(1);
  });

  it("every request spends budget, the re-send after a 401 included", async () => {
    const asked: BudgetRequest[] = [];
    const budget = {
      acquire: async (req: BudgetRequest) => {
        asked.push(req);
        return { granted: true as const };
      },
    };
    fake.handle = (_req, res) =>
      fake.requests.length === 1 ? json(res, 401, {}) : json(res, 200, { ingramOrderNumber: "20-RD128" });
    const client = createIngramClient(testConfig(fake, { budget }));
    await client.releaseOrder("20-RD128", { ...ctx(), priority: "change", userId: "buyer" });
    expect(fake.requests).toHaveLength(2);
    expect(asked.map((r) => [r.endpoint, r.priority, r.userId])).toEqual([
      ["PUT /resellers/v6/orders/{}", "change", "buyer"],
      ["PUT /resellers/v6/orders/{}", "change", "buyer"],
    ]);
  });

  it("a change may use the whole minute; an interactive read stops short of it", async () => {
    const client = createIngramClient(testConfig(fake, { rateLimitPerMinute: 6, timeoutMs: 1000 }));
    for (let i = 0; i < 5; i++) await client.getOrder("20-RD128", {}, { ...ctx(), userId: `u${i}` });
    await expect(client.getOrder("20-RD128", {}, { ...ctx(), userId: "u9" })).rejects.toMatchObject({
      kind: "budget",
    });
    await client.getOrder("20-RD128", {}, { ...ctx(), priority: "change", userId: "buyer" });
    expect(fake.requests).toHaveLength(6);
  });
});

describe("circuit breaker", () => {
  it("opens after the threshold, fails fast without I/O, probes once per window, closes on success", async () => {
    let healthy = false;
    fake.handle = (_req, res) => (healthy ? json(res, 200, null) : json(res, 503, {}));
    const client = createIngramClient(
      testConfig(fake, { breakerFailureThreshold: 4, breakerOpenMs: 400, maxRetries: 0 }),
    );
    for (let i = 0; i < 4; i++)
      await expect(client.cancelOrder("20-RD128", ctx())).rejects.toMatchObject({ kind: "http", status: 503 });
    expect(fake.requests).toHaveLength(4);

    // Failing fast: no request goes out and nothing waits for the call's deadline (that would fail as "timeout").
    const fast = await Promise.all(Array.from({ length: 50 }, () => failure(client.searchOrders({}, ctx()))));
    for (const e of fast) expect(e).toMatchObject({ kind: "circuit_open", status: 0, retryAfterSeconds: 1 });
    expect(fake.requests).toHaveLength(4);

    await new Promise((r) => setTimeout(r, 450));
    const probes = await Promise.all(Array.from({ length: 10 }, () => failure(client.cancelOrder("20-RD128", ctx()))));
    expect(fake.requests).toHaveLength(5); // exactly one probe went out
    expect(probes.filter((e) => e?.kind === "http")).toHaveLength(1);
    expect(probes.filter((e) => e?.kind === "circuit_open")).toHaveLength(9);

    healthy = true;
    await expect(client.cancelOrder("20-RD128", ctx())).rejects.toMatchObject({ kind: "circuit_open" });
    await new Promise((r) => setTimeout(r, 450));
    await expect(client.cancelOrder("20-RD128", ctx())).resolves.toMatchObject({ status: 200 });
    await Promise.all(Array.from({ length: 5 }, () => client.cancelOrder("20-RD128", ctx())));
    expect(fake.requests).toHaveLength(11);
  });

  it("timeouts count as failures; 4xx answers do not", async () => {
    fake.handle = (_req, res) => json(res, 404, {});
    const client = createIngramClient(testConfig(fake, { breakerFailureThreshold: 2, timeoutMs: 300 }));
    for (let i = 0; i < 5; i++)
      await expect(client.cancelOrder("20-RD128", ctx())).rejects.toMatchObject({ status: 404 });
    fake.handle = () => new Promise(() => {});
    for (let i = 0; i < 2; i++)
      await expect(client.cancelOrder("20-RD128", ctx())).rejects.toMatchObject({ kind: "timeout" });
    await expect(client.cancelOrder("20-RD128", ctx())).rejects.toMatchObject({ kind: "circuit_open" });
  });
});
