import type { ServerResponse } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createIngramClient } from "@/lib/ingram/client";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { newCorrelationId } from "@/lib/correlation-id";
import { hold, json, startFakeIngram, type FakeIngram } from "@/tests/support/fake-ingram";
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

const closed = (res: ServerResponse) => new Promise<void>((resolve) => res.on("close", () => resolve()));

describe("deadline", () => {
  const budget = 1000;

  it("a 30 s upstream delay ends at the deadline and the connection is dropped", async () => {
    let closedAt = 0;
    fake.handle = async (_req, res) => {
      await hold(res, 30_000);
      closedAt = Date.now();
    };
    const client = createIngramClient(testConfig(fake, { timeoutMs: budget }));
    const err = await failure(client.getOrder("20-RD128", {}, ctx()));
    // The call's own deadline ended it (no "aborted by caller"), not the 30 s reply; no clock is asserted.
    expect(err).toMatchObject({ kind: "timeout", status: 0, op: "get", errors: [] });
    await new Promise((r) => setTimeout(r, 100));
    expect(closedAt).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(1); // a timeout is not retried past the budget
  });

  it("a body dripped 1 byte per 100 ms ends at the deadline and the stream is cancelled", async () => {
    let bytesSent = 0;
    let serverSawClose: Promise<void> = Promise.resolve();
    fake.handle = async (_req, res) => {
      serverSawClose = closed(res);
      res.writeHead(200, { "content-type": "application/json" });
      res.write("{");
      for (let i = 0; i < 300; i++) {
        await new Promise((r) => setTimeout(r, 100));
        if (res.destroyed) break;
        res.write(" ");
        bytesSent++;
      }
      res.end("}");
    };
    const client = createIngramClient(testConfig(fake, { timeoutMs: budget }));
    const err = await failure(client.createOrder({ customerOrderNumber: "PO" }, ctx()));
    // The deadline ended it, not the 30 s drip (the server saw the close, and sent nothing after it).
    expect(err).toMatchObject({ kind: "timeout", op: "create", errors: [] });
    await serverSawClose;
    const after = bytesSent;
    await new Promise((r) => setTimeout(r, 300));
    expect(bytesSent).toBe(after);
    expect(fake.requests).toHaveLength(1);
  });

  it("the caller's own abort signal ends the call", async () => {
    fake.handle = (_req, res) => hold(res, 30_000);
    const client = createIngramClient(testConfig(fake, { timeoutMs: 10_000 }));
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    const err = await failure(client.searchOrders({}, { correlationId: newCorrelationId(), signal: ac.signal }));
    // The caller's abort ended it, not the 10 s deadline: the error says so.
    expect(err).toMatchObject({ kind: "timeout", errors: [{ message: "aborted by caller" }] });
  });
});

describe("bad payloads", () => {
  it("a redirect is not followed", async () => {
    fake.handle = (req, res) => {
      if (req.path === "/elsewhere") return json(res, 200, { ingramOrderNumber: "EVIL" });
      res.writeHead(302, { location: `${fake.url}/elsewhere` });
      res.end();
    };
    const client = createIngramClient(testConfig(fake));
    const err = await failure(client.getOrder("20-RD128", {}, ctx()));
    expect(err).toMatchObject({ kind: "bad_payload", status: 302 });
    expect(fake.requests.map((r) => r.path)).toEqual(["/resellers/v6.1/orders/20-RD128"]);
  });

  it.each([
    ["HTML with 200", "text/html", "<html><body>Maintenance</body></html>"],
    ["truncated JSON", "application/json", '{"ingramOrderNumber":"20-RD128","lines":[{"ingramOrderLineNumber":"0'],
    [
      "wrong types",
      "application/json",
      JSON.stringify({ ingramOrderNumber: "20-RD128", orderTotal: { amount: 1 }, lines: "none" }),
    ],
    ["a JSON string", "application/json", '"ok"'],
  ])("%s is a bad payload, never partial data", async (_name, type, body) => {
    fake.handle = (_req, res) => {
      res.writeHead(200, { "content-type": type });
      res.end(body);
    };
    const client = createIngramClient(testConfig(fake));
    const err = await failure(client.getOrder("20-RD128", {}, ctx()));
    expect(err).toBeInstanceOf(IngramError);
    expect(err).toMatchObject({ kind: "bad_payload", status: 200, op: "get" });
    expect(fake.requests).toHaveLength(1);
  });

  it("a 50 MB body is cut off at the cap without reading it all", async () => {
    let written = 0;
    let done: Promise<void> = Promise.resolve();
    fake.handle = async (_req, res) => {
      done = closed(res);
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"orders":[');
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      while (written < 50 * 1024 * 1024 && !res.destroyed) {
        written += chunk.length;
        if (!res.write(chunk))
          await new Promise<void>((r) => {
            res.once("drain", r);
            res.once("close", r);
          });
      }
      res.end("]}");
    };
    const client = createIngramClient(testConfig(fake, { maxBodyBytes: 1024 * 1024, timeoutMs: 10_000 }));
    const err = await failure(client.searchOrders({}, ctx()));
    expect(err).toMatchObject({ kind: "bad_payload", status: 200 });
    await done;
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });

  it("a declared Content-Length over the cap is refused before reading", async () => {
    fake.handle = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(60 * 1024 * 1024) });
      res.write("{");
    };
    const client = createIngramClient(testConfig(fake, { maxBodyBytes: 1024 * 1024 }));
    await expect(client.getOrder("20-RD128", {}, ctx())).rejects.toMatchObject({ kind: "bad_payload" });
  });
});

describe("error statuses are typed with normalized details", () => {
  it.each([
    [
      400,
      {
        errors: [
          {
            id: "1",
            "1ype": "/errors/validation-failed",
            message: "Validation failed",
            fields: [{ field: "customerOrderNumber", message: "Required" }],
          },
        ],
      },
      [
        {
          message: "Validation failed",
          type: "/errors/validation-failed",
          fields: [{ field: "customerOrderNumber", message: "Required" }],
        },
      ],
    ],
    [
      400,
      { traceid: "123", type: "/errors/validation-failed", message: "customer validation failed", fields: [] },
      [{ message: "customer validation failed", type: "/errors/validation-failed" }],
    ],
    [
      500,
      { errors: [{ traceid: "123", type: "/errors/system-errors", message: "unexpected" }] },
      [{ message: "unexpected", type: "/errors/system-errors" }],
    ],
    [
      500,
      {
        fault: { faultstring: "Gateway Timeout", detail: { errorcode: "messaging.adaptors.http.flow.GatewayTimeout" } },
      },
      [{ message: "Gateway Timeout", type: "messaging.adaptors.http.flow.GatewayTimeout" }],
    ],
    [
      400,
      { faultcode: "Server", faultstring: "Invalid customer number" },
      [{ message: "Invalid customer number", type: "Server" }],
    ],
    [
      405,
      { errors: [{ id: "x", type: "/errors/validation-error", message: "Order can not be deleted" }] },
      [{ message: "Order can not be deleted", type: "/errors/validation-error" }],
    ],
    [404, undefined, []],
  ])("HTTP %i", async (status, body, errors) => {
    fake.handle = (_req, res) => json(res, status, body);
    const client = createIngramClient(testConfig(fake));
    const c = ctx();
    const err = await failure(client.cancelOrder("20-RD128", c));
    expect(err).toBeInstanceOf(IngramError);
    expect(err).toMatchObject({ kind: "http", status, errors, correlationId: c.correlationId, op: "cancel" });
    expect(err!.message).not.toMatch(/Validation|customer|Gateway/);
  });

  it("an HTML error page keeps its status, without the HTML", async () => {
    fake.handle = (_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad Gateway</html>");
    };
    const client = createIngramClient(testConfig(fake));
    await expect(client.createOrder({ customerOrderNumber: "PO" }, ctx())).rejects.toMatchObject({
      kind: "http",
      status: 502,
      errors: [],
    });
  });
});
