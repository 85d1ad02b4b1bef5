import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createIngramClient } from "@/lib/ingram/client";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { newCorrelationId } from "@/lib/correlation-id";
import { hold, json, startFakeIngram, type FakeIngram } from "@/tests/support/fake-ingram";
import { TEST_SECRET, testConfig } from "@/tests/support/ingram-test-config";

const ctx = () => ({ correlationId: newCorrelationId() });
let fake: FakeIngram;
beforeEach(async () => {
  fake = await startFakeIngram();
});
afterEach(() => fake.close());

describe("token handling", () => {
  it("200 concurrent cold calls make exactly one token request", async () => {
    fake.token = async (_req, res) => {
      await new Promise((r) => setTimeout(r, 100));
      json(res, 200, { access_token: "only", token_type: "Bearer", expires_in: "86399" });
    };
    const client = createIngramClient(testConfig(fake, { rateLimitPerMinute: 1000, timeoutMs: 5000 }));
    const results = await Promise.all(Array.from({ length: 200 }, () => client.getOrder("20-RD3QV", {}, ctx())));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(fake.tokenRequests).toHaveLength(1);
    expect(fake.requests).toHaveLength(200);
    expect(new Set(fake.requests.map((r) => r.headers.authorization))).toEqual(new Set(["Bearer only"]));
  });

  it("posts the credentials as a form body, never in the URL", async () => {
    const client = createIngramClient(testConfig(fake));
    await client.cancelOrder("20-RD128", ctx());
    const [t] = fake.tokenRequests;
    expect(t!.method).toBe("POST");
    expect(t!.query).toEqual([]);
    expect(t!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(t!.body))).toEqual({
      grant_type: "client_credentials",
      client_id: "test-client",
      client_secret: TEST_SECRET,
    });
    expect(JSON.stringify(fake.requests)).not.toContain(TEST_SECRET);
  });

  it("reuses the token, and fetches a new one once it nears expiry", async () => {
    let t = 1_000_000;
    fake.token = (_req, res) => json(res, 200, { access_token: `tok-${fake.tokenRequests.length}`, expires_in: "100" });
    const client = createIngramClient(testConfig(fake, { now: () => t, tokenMarginSeconds: 60 }));
    await client.cancelOrder("20-RD128", ctx());
    t += 89_000; // margin is min(60, 10% of 100) = 10 s
    await client.cancelOrder("20-RD128", ctx());
    expect(fake.tokenRequests).toHaveLength(1);
    t += 2000;
    await client.cancelOrder("20-RD128", ctx());
    expect(fake.tokenRequests).toHaveLength(2);
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]);
  });

  it("caps a very long expires_in at 24 h", async () => {
    let t = 0;
    fake.token = (_req, res) =>
      json(res, 200, { access_token: `tok-${fake.tokenRequests.length}`, expires_in: 2592000 });
    const client = createIngramClient(testConfig(fake, { now: () => t }));
    await client.cancelOrder("20-RD128", ctx());
    t += 86_400_000;
    await client.cancelOrder("20-RD128", ctx());
    expect(fake.tokenRequests).toHaveLength(2);
  });

  it("on a 401 refreshes once and retries once, also for writes", async () => {
    fake.handle = (req, res) =>
      req.headers.authorization === "Bearer tok-1"
        ? json(res, 401, undefined)
        : json(res, 201, { customerOrderNumber: "PO" });
    const client = createIngramClient(testConfig(fake));
    const r = await client.createOrder({ customerOrderNumber: "PO" }, ctx());
    expect(r.status).toBe(201);
    expect(fake.tokenRequests).toHaveLength(2);
    expect(fake.requests.map((q) => q.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-2"]);
  });

  it("a second 401 is surfaced, not retried again", async () => {
    fake.handle = (_req, res) => json(res, 401, undefined);
    const client = createIngramClient(testConfig(fake));
    const err = await client.modifyOrder("20-RC1RD", { notes: "x" }, ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngramError);
    expect(err).toMatchObject({ kind: "http", status: 401, op: "modify" });
    expect(fake.requests).toHaveLength(2);
    expect(fake.tokenRequests).toHaveLength(2);
  });

  it("many concurrent 401s share one refresh", async () => {
    fake.handle = async (req, res) => {
      if (req.headers.authorization === "Bearer tok-1") {
        await hold(res, 50);
        return json(res, 401, undefined);
      }
      json(res, 200, {});
    };
    const client = createIngramClient(testConfig(fake, { rateLimitPerMinute: 1000 }));
    await client.getOrder("20-RD3QV", {}, ctx()); // warms tok-1 (answers 401, refreshes to tok-2)
    expect(fake.tokenRequests).toHaveLength(2);
    fake.tokenRequests.length = 0;
    fake.handle = async (req, res) => {
      if (req.headers.authorization === "Bearer tok-2") {
        await hold(res, 50);
        return json(res, 401, undefined);
      }
      json(res, 200, {});
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => client.getOrder("20-RD3QV", {}, ctx())));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(fake.tokenRequests).toHaveLength(1);
  });

  it("token endpoint failures are typed, marked op=token, and never carry the secret", async () => {
    fake.token = (_req, res) => json(res, 400, { message: `bad client_secret ${TEST_SECRET}` });
    const client = createIngramClient(testConfig(fake));
    const err = (await client.searchOrders({}, ctx()).catch((e: unknown) => e)) as IngramError;
    expect(err).toBeInstanceOf(IngramError);
    expect(err).toMatchObject({ kind: "http", status: 400, op: "token" });
    expect(err.message).not.toContain(TEST_SECRET);
    expect(JSON.stringify({ ...err, stack: err.stack })).not.toContain(TEST_SECRET);
    expect(err.errors[0]?.message).toBe("bad client_secret [redacted]");
    expect(fake.requests).toHaveLength(0);
    fake.token = (_req, res) => json(res, 200, { token_type: "Bearer" });
    await expect(client.searchOrders({}, ctx())).rejects.toMatchObject({ kind: "bad_payload", op: "token" });
  });
});
