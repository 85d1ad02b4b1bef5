import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createIngramClient, isPartial } from "@/lib/ingram/client";
import { newCorrelationId } from "@/lib/correlation-id";
import { json, startFakeIngram, type FakeIngram } from "@/tests/support/fake-ingram";
import { testConfig } from "@/tests/support/ingram-test-config";

let fake: FakeIngram;
beforeEach(async () => {
  fake = await startFakeIngram();
});
afterEach(() => fake.close());

describe("the six operations on the wire", () => {
  it("send method, path, query, headers and body as Ingram expects", async () => {
    const client = createIngramClient(testConfig(fake, { baseUrl: `${fake.url}/sandbox/` }));
    const ids = Array.from({ length: 7 }, () => newCorrelationId());
    await client.searchOrders({ "orderStatus-in": ["SHIPPED", "ON HOLD"], pageSize: 10 }, { correlationId: ids[0]! });
    await client.getOrder("20-RD3QV-11", { isIml: true }, { correlationId: ids[1]! });
    await client.createOrder(
      { customerOrderNumber: "PO-1", endUserInfo: {}, lines: [{ ingramPartNumber: "DF4128", quantity: 1 }] },
      { correlationId: ids[2]! },
    );
    await client.createOrderV7(
      { customerOrderNumber: "PO-7", shipToInfo: { companyName: "" } },
      { correlationId: ids[3]! },
    );
    await client.modifyOrder("20-RC1RD", { notes: "hello" }, { correlationId: ids[4]! });
    await client.releaseOrder("20-RC1RD", { correlationId: ids[5]! });
    await client.cancelOrder("7059827143", { correlationId: ids[6]! });

    expect(fake.requests.map((r) => [r.method, r.path, new URLSearchParams(r.query).toString(), r.body])).toEqual([
      ["GET", "/sandbox/resellers/v6/orders/search", "orderStatus-in=SHIPPED&orderStatus-in=ON+HOLD&pageSize=10", ""],
      ["GET", "/sandbox/resellers/v6.1/orders/20-RD3QV-11", "isIml=true", ""],
      [
        "POST",
        "/sandbox/resellers/v6/orders",
        "",
        JSON.stringify({ customerOrderNumber: "PO-1", lines: [{ ingramPartNumber: "DF4128", quantity: 1 }] }),
      ],
      ["POST", "/sandbox/resellers/v7/orders", "", JSON.stringify({ customerOrderNumber: "PO-7" })],
      ["PUT", "/sandbox/resellers/v6/orders/20-RC1RD", "", JSON.stringify({ notes: "hello" })],
      ["PUT", "/sandbox/resellers/v6/orders/20-RC1RD", "actionCode=release", "{}"],
      ["DELETE", "/sandbox/resellers/v6/orders/7059827143", "", ""],
    ]);
    fake.requests.forEach((r, i) => {
      expect(r.headers).toMatchObject({
        authorization: "Bearer tok-1",
        "im-customernumber": "20-222222",
        "im-countrycode": "US",
        "im-senderid": "orderdesk-tests",
        "im-correlationid": ids[i],
        accept: "application/json",
        "content-type": "application/json",
      });
    });
  });

  it("rejects odd order numbers and bad input before any request", async () => {
    const client = createIngramClient(testConfig(fake));
    const c = { correlationId: newCorrelationId() };
    for (const n of ["..", "../admin", "20-RD128/../x", "20 RD", "", "a%2F", "x".repeat(33)]) {
      await expect(client.cancelOrder(n, c)).rejects.toBeInstanceOf(ZodError);
    }
    await expect(client.getOrder("20-RD3QV-1111", {}, c)).rejects.toBeInstanceOf(ZodError);
    // One order-number rule for every path (lib/validation/order-number.ts): at most 12 characters.
    await expect(client.modifyOrder("20-RD3QV-1111", { notes: "x" }, c)).rejects.toBeInstanceOf(ZodError);
    await expect(client.releaseOrder("20-RD3QV-1111", c)).rejects.toBeInstanceOf(ZodError);
    await expect(client.searchOrders({ ingramOrderNumber: "20-RD3QV-111" }, c)).rejects.toBeInstanceOf(ZodError);
    await expect(
      client.createOrder({ customerOrderNumber: "PO", acceptBackOrder: "true" } as never, c),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(client.searchOrders({ ingramOrderDate: "01/02/2024" }, c)).rejects.toBeInstanceOf(ZodError);
    await expect(client.cancelOrder("20-RD128", { correlationId: "not-a-correlation-id" })).rejects.toBeInstanceOf(
      TypeError,
    );
    expect(fake.requests).toHaveLength(0);
    expect(fake.tokenRequests).toHaveLength(0);
  });
});

describe("success statuses and empty bodies", () => {
  const client = () => createIngramClient(testConfig(fake));
  const c = () => ({ correlationId: newCorrelationId() });

  it("search: 204 and a null 200 body read as null data", async () => {
    fake.handle = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    expect((await client().searchOrders({}, c())).data).toBeNull();
    fake.handle = (_req, res) => json(res, 200, null);
    expect((await client().searchOrders({}, c())).data).toBeNull();
  });

  it("search parses and coerces a real body", async () => {
    fake.handle = (_req, res) =>
      json(res, 200, { recordsFound: "1", orders: [{ ingramOrderNumber: "20-RD128", orderTotal: "12.50" }] });
    const r = await client().searchOrders({}, c());
    expect(r.data?.recordsFound).toBe(1);
    expect(r.data?.orders?.[0]?.orderTotal).toBe(12.5);
    expect(r.correlationId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("create: 201 and 207 are both success; isPartial tells them apart", async () => {
    fake.handle = (_req, res) =>
      json(res, 201, { customerOrderNumber: "PO", orders: [{ ingramOrderNumber: "20-RD128", rejectedLineItems: [] }] });
    const full = await client().createOrder({ customerOrderNumber: "PO" }, c());
    expect(full.status).toBe(201);
    expect(isPartial(full)).toBe(false);
    fake.handle = (_req, res) =>
      json(res, 207, {
        processedPartially: true,
        orders: [{ rejectedLineItems: [{ customerLinenumber: "2", rejectCode: "EN" }] }],
      });
    const partial = await client().createOrder({ customerOrderNumber: "PO" }, c());
    expect(partial.status).toBe(207);
    expect(isPartial(partial)).toBe(true);
    expect(partial.data.orders?.[0]?.rejectedLineItems?.[0]?.rejectCode).toBe("EN");
  });

  it("modify 207, release with a null body, cancel with no body", async () => {
    fake.handle = (_req, res) =>
      json(res, 207, {
        ingramOrderNumber: "20-RC1RD",
        rejectedLineItems: [{ ingramLineNumber: "009", rejectCode: "EL" }],
      });
    const m = await client().modifyOrder("20-RC1RD", { notes: "x" }, c());
    expect(isPartial(m)).toBe(true);
    fake.handle = (_req, res) => json(res, 200, null);
    expect((await client().releaseOrder("20-RC1RD", c())).data).toBeNull();
    fake.handle = (_req, res) => {
      res.writeHead(200);
      res.end();
    };
    const d = await client().cancelOrder("20-RD128", c());
    expect(d).toMatchObject({ status: 200, data: null });
  });

  it("v7 acknowledgement with any 2xx", async () => {
    fake.handle = (_req, res) =>
      json(res, 201, { quoteNumber: null, confirmationNumber: "US-I-T-24032926562341102332", message: "Thank you" });
    const r = await client().createOrderV7({ customerOrderNumber: "PO" }, c());
    expect(r.data.confirmationNumber).toBe("US-I-T-24032926562341102332");
  });

  it("an empty body where data is required is a bad payload", async () => {
    fake.handle = (_req, res) => json(res, 200, undefined);
    await expect(client().getOrder("20-RD128", {}, c())).rejects.toMatchObject({ kind: "bad_payload", status: 200 });
    await expect(client().createOrder({ customerOrderNumber: "PO" }, c())).rejects.toMatchObject({
      kind: "bad_payload",
    });
  });
});
