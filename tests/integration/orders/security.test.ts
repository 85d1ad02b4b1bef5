import { describe, expect, it } from "vitest";
import * as one from "@/app/api/orders/[orderNumber]/route";
import * as release from "@/app/api/orders/[orderNumber]/release/route";
import * as requests from "@/app/api/order-requests/route";
import * as orders from "@/app/api/orders/route";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { INGRAM_CALLS } from "@/lib/ingram/ingram-operations";
import { call, newKey, orderInput, useOrdersHarness } from "./harness";

const h = useOrdersHarness({ webhookDelayMs: 60_000 });
const upstreamCalls = () =>
  INGRAM_CALLS.filter((op) => op !== "token").reduce((n, op) => n + h.sb.sandbox.stats.count(op), 0);
const SAFE_PATH =
  /^\/resellers\/(v6\/orders(\/search|\/[A-Za-z0-9-]{1,20})?|v6\.1\/orders\/[A-Za-z0-9-]{1,12}|v7\/orders)$/;

describe("CSRF: cross-site writes are refused before anything else", () => {
  const cases: [string, Record<string, string>][] = [
    ["text/plain from a foreign site", { origin: "https://evil.example", "content-type": "text/plain" }],
    ["foreign Origin", { origin: "https://evil.example" }],
    ["missing Origin", { origin: "" }],
    ["Origin null", { origin: "null" }],
    ["look-alike Origin", { origin: "http://localhost:3000.evil.example" }],
  ];
  for (const [label, headers] of cases) {
    it(`${label} → 403, 0 upstream calls`, async () => {
      const before = upstreamCalls();
      const results = await Promise.all([
        call(h, orders.POST, "/api/orders", {
          method: "POST",
          body: orderInput(),
          headers: { ...headers, "idempotency-key": newKey() },
        }),
        call(h, requests.POST, "/api/order-requests", {
          method: "POST",
          body: orderInput(),
          headers: { ...headers, "idempotency-key": newKey() },
        }),
        call(h, one.PUT, "/api/orders/x", {
          method: "PUT",
          params: { orderNumber: FX.heldOrderNumbers[0] },
          body: { notes: "csrf" },
          headers,
        }),
        call(h, one.DELETE, "/api/orders/x", {
          method: "DELETE",
          params: { orderNumber: FX.heldOrderNumbers[0] },
          headers,
        }),
        call(h, release.POST, "/api/orders/x/release", {
          method: "POST",
          params: { orderNumber: FX.heldOrderNumbers[0] },
          headers,
        }),
      ]);
      expect(results.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
      expect(upstreamCalls()).toBe(before);
      expect(await h.t.db.auditEvent.count({ where: { orderNumber: FX.heldOrderNumbers[0] } })).toBe(0);
    });
  }
});

describe("order numbers outside the allowlist", () => {
  const BAD = [
    "..%2F..",
    "%2e%2e",
    "20-RD128/../x",
    "../20-RD128",
    "..",
    "20-RD128%00",
    "２０-RD128",
    "20-RD128\u202e",
    "20 RD128",
    "20_RD128",
    "a".repeat(21),
    "",
    "20-RD128?x=1",
    "20-RD128#x",
    "%2F",
    "\\..\\x",
  ];
  for (const bad of BAD) {
    it(`${JSON.stringify(bad)} → 400 on every handler, 0 upstream calls`, async () => {
      const before = upstreamCalls();
      const params = { orderNumber: bad };
      const results = await Promise.all([
        call(h, one.GET, "/api/orders/x", { params }),
        call(h, one.PUT, "/api/orders/x", { method: "PUT", params, body: { notes: "x" } }),
        call(h, one.DELETE, "/api/orders/x", { method: "DELETE", params }),
        call(h, release.POST, "/api/orders/x/release", { method: "POST", params }),
      ]);
      expect(results.map((r) => r.status)).toEqual([400, 400, 400, 400]);
      for (const r of results) expect((await r.json()).error.fields.orderNumber).toMatch(/letters, digits and dashes/);
      expect(upstreamCalls()).toBe(before);
    });
  }

  it("every path the sandbox has seen in this file is a plain order path", () => {
    for (const r of h.sb.sandbox.stats.requests) if (r.op !== "token") expect(r.path).toMatch(SAFE_PATH);
  });
});

describe("bodies", () => {
  it("answers 413 above the body cap, without calling Ingram", async () => {
    const before = upstreamCalls();
    const big = orderInput({ notes: "x".repeat(300 * 1024) });
    const res = await call(h, orders.POST, "/api/orders", {
      method: "POST",
      body: big,
      headers: { "idempotency-key": newKey() },
    });
    expect(res.status).toBe(413);
    expect(upstreamCalls()).toBe(before);
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])(
    "answers 415 for %s",
    async (type) => {
      const res = await call(h, orders.POST, "/api/orders", {
        method: "POST",
        raw: JSON.stringify(orderInput()),
        headers: { "content-type": type, "idempotency-key": newKey() },
      });
      expect(res.status).toBe(415);
    },
  );

  it("answers 400 for malformed JSON and 422 with plain-words field messages for bad values", async () => {
    const bad = await call(h, orders.POST, "/api/orders", {
      method: "POST",
      raw: "{not json",
      headers: { "idempotency-key": newKey() },
    });
    expect(bad.status).toBe(400);
    const res = await call(h, orders.POST, "/api/orders", {
      method: "POST",
      body: { customerOrderNumber: "", lines: [{ ingramPartNumber: "TSXML1", quantity: 0 }] },
      headers: { "idempotency-key": newKey() },
    });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.fields).toMatchObject({
      customerOrderNumber: "Customer PO number is required.",
      "lines.0.quantity": "Quantity must be at least 1.",
    });
  });

  it("v7 requests cap the customer PO at 18 characters", async () => {
    const res = await call(h, requests.POST, "/api/order-requests", {
      method: "POST",
      body: orderInput({ customerOrderNumber: "X".repeat(19) }),
      headers: { "idempotency-key": newKey() },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.customerOrderNumber).toMatch(/at most 18/);
  });
});

describe("error hygiene", () => {
  it("an upstream failure with stack-like text answers a generic body with the correlation id", async () => {
    const stack =
      "java.lang.NullPointerException\n\tat com.ingram.orders.Search(Search.java:42)\n\tat sun.reflect.Native";
    h.sb.sandbox.faults.set({
      op: "get",
      times: 3,
      kind: "status",
      status: 500,
      body: { errors: [{ message: stack, type: "/errors/server-error" }] },
    });
    const res = await call(h, one.GET, "/api/orders/x", { params: { orderNumber: FX.shippedOrder.orderNumber } });
    expect(res.status).toBe(502);
    const text = await res.text();
    expect(text).not.toMatch(/java|Exception|\.java|\bat /);
    const body = JSON.parse(text);
    expect(body.error.correlationId).toMatch(/^[0-9a-f]{32}$/);
    expect(res.headers.get("x-correlation-id")).toBe(body.error.correlationId);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("an unparseable upstream body is a 502, never partial data", async () => {
    // An empty index makes the list a live Ingram search.
    await h.t.db.indexedOrder.deleteMany();
    h.sb.sandbox.faults.set({ op: "search", times: 3, kind: "truncated" });
    const res = await call(h, orders.GET, "/api/orders", { query: "pageSize=5" });
    expect(res.status).toBe(502);
    expect(Object.keys(await res.json())).toEqual(["error"]);
  });
});
