import { beforeEach, describe, expect, it } from "vitest";
import { createIngramClient, isPartial, type IngramConfig } from "@/lib/ingram/client";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { newCorrelationId } from "@/lib/correlation-id";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, startSandbox } from "@/lib/ingram/sandbox/start-sandbox";
import { SANDBOX_FIXTURES } from "@/lib/ingram/sandbox/fixtures";
import { useSandboxServer } from "@/tests/support/sandbox";

/* Upstream faults the client must survive (slow, dripping, failing, rate-limiting Ingram), against the real sandbox. */

const ctx = () => ({ correlationId: newCorrelationId() });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as IngramError,
  );
const sb = useSandboxServer();
const config = (over: Partial<IngramConfig> = {}): IngramConfig => ({
  baseUrl: sb.url,
  tokenUrl: sb.tokenUrl,
  clientId: SANDBOX_CLIENT_ID,
  clientSecret: SANDBOX_CLIENT_SECRET,
  customerNumber: SANDBOX_FIXTURES.customerNumber,
  countryCode: "US",
  senderId: "orderdesk-tests",
  timeoutMs: 1000,
  retryBaseDelayMs: 20,
  ...over,
});

beforeEach(() => sb.reset());

describe("client against the sandbox", () => {
  it("token single-flight: 200 concurrent cold calls, then one refresh after revocation", async () => {
    const client = createIngramClient(config({ rateLimitPerMinute: 1000, timeoutMs: 10_000 }));
    const all = await Promise.all(
      Array.from({ length: 200 }, (_, i) => client.getOrder(i % 2 ? "20-SHP01" : "20-PRC01", {}, ctx())),
    );
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(sb.stats.count("token")).toBe(1);
    sb.revokeAllTokens();
    await Promise.all(Array.from({ length: 20 }, () => client.searchOrders({ pageSize: 1 }, ctx())));
    expect(sb.stats.count("token")).toBe(2);
    expect(sb.stats.count("search")).toBe(40); // each: the 401, then one retry
  });

  it("a 30 s delay and a 1 byte/s drip end at the deadline", async () => {
    const client = createIngramClient(config());
    sb.faults.set({ op: "get", kind: "latency", ms: 30_000 });
    sb.faults.set({ op: "search", kind: "drip", bytesPerSecond: 1 });
    for (const call of [() => client.getOrder("20-SHP01", {}, ctx()), () => client.searchOrders({}, ctx())]) {
      // The call's deadline ended it (not a caller's abort, not the 30 s upstream): no clock is asserted.
      await expect(call()).rejects.toMatchObject({ kind: "timeout", errors: [] });
    }
  });

  it.each([
    ["truncated", { kind: "truncated" }],
    ["html200", { kind: "html200" }],
    ["wrongTypes", { kind: "wrongTypes" }],
    ["redirect", { kind: "redirect", location: "http://127.0.0.1:9/elsewhere" }],
    ["huge", { kind: "huge", bytes: 50 * 1024 * 1024 }],
  ] as const)("%s is a bad payload for reads and writes", async (_name, rule) => {
    const client = createIngramClient(config({ timeoutMs: 5000, breakerFailureThreshold: 10 }));
    sb.faults.set({ ...rule, op: ["search", "get", "create", "createV7"] });
    const results = await Promise.all([
      failure(client.searchOrders({}, ctx())),
      failure(client.getOrder("20-SHP01", {}, ctx())),
      failure(
        client.createOrder(
          { customerOrderNumber: "PO-BAD", lines: [{ ingramPartNumber: "TSXML1", quantity: 1 }] },
          ctx(),
        ),
      ),
      failure(
        client.createOrderV7(
          { customerOrderNumber: "PO-BAD7", lines: [{ ingramPartNumber: "TSXML1", quantity: 1 }] },
          ctx(),
        ),
      ),
    ]);
    for (const err of results) expect(err).toMatchObject({ kind: "bad_payload" });
    expect(sb.stats.count("create")).toBe(1);
    expect(sb.stats.count("createV7")).toBe(1);
  });

  it("an unknown outcome is not re-POSTed", async () => {
    const client = createIngramClient(config());
    sb.faults.set({ op: "create", kind: "commitThenHang", ms: 5000 });
    const po = "PO-HANG-1";
    await expect(
      client.createOrder({ customerOrderNumber: po, lines: [{ ingramPartNumber: "TSXML1", quantity: 1 }] }, ctx()),
    ).rejects.toMatchObject({
      kind: "timeout",
    });
    expect(sb.stats.count("create")).toBe(1);
    expect(sb.store.hasCustomerOrderNumber(po)).toBe(true);
  });

  it("503 storm: the breaker opens, fails fast, probes, and closes after recovery", async () => {
    const client = createIngramClient(config({ breakerFailureThreshold: 10, breakerOpenMs: 300, maxRetries: 0 }));
    const storm = sb.faults.set({ kind: "status", status: 503 });
    for (let i = 0; i < 10; i++)
      await expect(client.getOrder("20-SHP01", {}, ctx())).rejects.toMatchObject({ status: 503 });
    const before = sb.stats.requests.length;
    // Failing fast: no request reaches the sandbox, and none waits out the deadline (that would be "timeout").
    for (let i = 0; i < 100; i++)
      await expect(client.searchOrders({}, ctx())).rejects.toMatchObject({ kind: "circuit_open" });
    expect(sb.stats.requests.length).toBe(before);
    sb.faults.clear(storm);
    await new Promise((r) => setTimeout(r, 350));
    await expect(client.getOrder("20-SHP01", {}, ctx())).resolves.toMatchObject({ status: 200 });
    await expect(client.searchOrders({ pageSize: 1 }, ctx())).resolves.toMatchObject({ status: 200 });
  });

  it("an upstream 429 reaches the caller as rate_limited with retryAfterSeconds", async () => {
    const limited = await startSandbox({ rateLimitPerMinute: 2 });
    try {
      const client = createIngramClient({
        ...config({ maxRetries: 0 }),
        baseUrl: limited.url,
        tokenUrl: limited.tokenUrl,
        rateLimitPerMinute: 1000,
      });
      await client.searchOrders({}, ctx());
      await client.searchOrders({}, ctx());
      const err = await failure(client.searchOrders({}, ctx()));
      expect(err).toMatchObject({ kind: "rate_limited", status: 429 });
      expect(err!.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it("207 partial create is a success with the rejected lines", async () => {
    const client = createIngramClient(config());
    const r = await client.createOrder(
      {
        customerOrderNumber: "PO-PARTIAL",
        lines: [
          { customerLineNumber: "1", ingramPartNumber: SANDBOX_FIXTURES.inStockPartNumber, quantity: 1 },
          { customerLineNumber: "2", ingramPartNumber: SANDBOX_FIXTURES.unknownPartNumber, quantity: 1 },
        ],
        additionalAttributes: [{ attributeName: "allowPartialOrder", attributeValue: "true" }],
      },
      ctx(),
    );
    expect(r.status).toBe(207);
    expect(isPartial(r)).toBe(true);
    expect(r.data.orders?.flatMap((o) => o.rejectedLineItems ?? []).map((x) => x.ingramPartNumber)).toEqual(["XXXXXX"]);
  });
});
