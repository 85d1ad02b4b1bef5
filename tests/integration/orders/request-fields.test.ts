import { beforeAll, describe, expect, it } from "vitest";
import * as orders from "@/app/api/orders/route";
import * as one from "@/app/api/orders/[orderNumber]/route";
import * as requests from "@/app/api/order-requests/route";
import { OrderCreateRequest } from "@/lib/ingram/schemas/order-create";
import { OrderCreateV7Request } from "@/lib/ingram/schemas/order-create-v7";
import { OrderModifyRequest } from "@/lib/ingram/schemas/order-modify";
import type { IngramOperation } from "@/lib/ingram/ingram-operations";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import type { OrderDetail } from "@/lib/orders/dto-types";
import { loadSpec, pointer, specPath, type LoadedSpec } from "@/tests/support/openapi-spec";
import { call, newKey, useOrdersHarness } from "./harness";
import { FULL_V6_INPUT, FULL_V6_WIRE, FULL_V7_INPUT, FULL_V7_WIRE, MODIFY_INPUT, MODIFY_WIRE } from "./request-fields";

/*
 * Every request field the contract offers, set through the portal's own API and seen on the wire at the
 * sandbox: the body must equal the expected Ingram body field for field, pass our strict request schema, and,
 * when INGRAM_OPENAPI_SPEC names the spec, Ingram's own request schema (ajv).
 */

const h = useOrdersHarness({ webhookDelayMs: 20 });
let spec: LoadedSpec | null = null;
beforeAll(() => {
  spec = specPath ? loadSpec(specPath) : null;
});

/* Phone numbers go as strings everywhere (v7 requires it) although v6 types two of them as numbers. */
const DELIBERATE = [/^\/resellerInfo\/phoneNumber$/, /^\/lines\/\d+\/endUserInfo\/\d+\/phoneNumber$/];

function specProblems(template: string, method: string, body: unknown): string[] {
  if (!spec) return [];
  const at = pointer("paths", template, method, "requestBody", "content", "application/json", "schema");
  return spec
    .validate(at, body)
    .filter((e) => !(e.keyword === "type" && DELIBERATE.some((re) => re.test(e.instancePath))))
    .map((e) => `${e.instancePath} ${e.message}`);
}

const lastSent = (op: IngramOperation) => h.sb.sandbox.stats.requests.filter((r) => r.op === op).at(-1)?.body;

async function waitForOrder(po: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const found = h.sb.sandbox.store.listOrders().find((o) => o.customerOrderNumber === po);
    if (found) return found.ingramOrderNumber;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the sandbox never created an order for PO ${po}`);
}

async function detail(orderNumber: string): Promise<OrderDetail> {
  const res = await call(h, one.GET, `/api/orders/${orderNumber}`, { params: { orderNumber } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { order: OrderDetail }).order;
}

describe("every request field reaches Ingram", () => {
  it("POST /api/orders (v6): each field is on the wire, valid against the spec", async () => {
    const po = `FULL6-${Date.now().toString(36)}`;
    const res = await call(h, orders.POST, "/api/orders", {
      method: "POST",
      headers: { "Idempotency-Key": newKey() },
      body: { ...FULL_V6_INPUT, customerOrderNumber: po },
    });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    const sent = lastSent("create");
    expect(sent).toEqual({ ...FULL_V6_WIRE, customerOrderNumber: po });
    expect(OrderCreateRequest.safeParse(sent).error).toBeUndefined();
    expect(specProblems("/resellers/v6/orders", "post", sent)).toEqual([]);
    const order = await detail(await waitForOrder(po));
    expect(order.lines[0]).toMatchObject({ requestedDeliveryDate: "2099-03-01", specialBidNumber: "SB-LINE-1" });
    expect(order.endUser).toMatchObject({ companyName: "END USER CO", email: "pat@enduser.example" });
  });

  it("a customer part number (Ingram's CPN example) is accepted, sent and resolved", async () => {
    const po = `CPN-${Date.now().toString(36)}`;
    const res = await call(h, orders.POST, "/api/orders", {
      method: "POST",
      headers: { "Idempotency-Key": newKey() },
      body: { customerOrderNumber: po, lines: [{ customerPartNumber: FX.customerPartNumber, quantity: 1 }] },
    });
    expect(res.status).toBe(201);
    expect(lastSent("create")).toEqual({
      customerOrderNumber: po,
      lines: [{ customerLineNumber: "1", customerPartNumber: FX.customerPartNumber, quantity: 1 }],
    });
    expect(specProblems("/resellers/v6/orders", "post", lastSent("create"))).toEqual([]);
  });

  it("POST /api/order-requests (v7): each field is on the wire; the order page shows the subscription", async () => {
    const po = `F7${Date.now().toString(36)}`.slice(0, 18);
    const res = await call(h, requests.POST, "/api/order-requests", {
      method: "POST",
      headers: { "Idempotency-Key": newKey() },
      body: { ...FULL_V7_INPUT, customerOrderNumber: po },
    });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(202);
    const sent = lastSent("createV7");
    expect(sent).toEqual({ ...FULL_V7_WIRE, customerOrderNumber: po });
    expect(OrderCreateV7Request.safeParse(sent).error).toBeUndefined();
    expect(specProblems("/resellers/v7/orders", "post", sent)).toEqual([]);
    const order = await detail(await waitForOrder(po));
    expect(order.webOrderId).toMatch(/^\d{8}$/);
    expect(order.ingramPurchaseOrderNumber).toMatch(/^80/);
    const sub = order.lines.find((l) => l.serviceContract)?.serviceContract;
    expect(sub).toMatchObject({ subscriptionId: "SUB-778", billingModel: "PLAN-M365", subscriptionTerm: "12 Months" });
    expect(sub?.subscriptionStart).toBe("2099-04-01");
  });

  it("quote-to-order sends only the quote number and PO; the quote's lines become the order", async () => {
    const po = `Q${Date.now().toString(36)}`.slice(0, 18);
    const res = await call(h, requests.POST, "/api/order-requests", {
      method: "POST",
      headers: { "Idempotency-Key": newKey() },
      body: { quoteNumber: FX.quoteNumber, customerOrderNumber: po },
    });
    expect(res.status).toBe(202);
    expect(lastSent("createV7")).toEqual({ quoteNumber: FX.quoteNumber, customerOrderNumber: po });
    expect(specProblems("/resellers/v7/orders", "post", lastSent("createV7"))).toEqual([]);
    const order = await detail(await waitForOrder(po));
    expect(order.lines.map((l) => [l.ingramPartNumber, l.quantityOrdered])).toEqual([
      ["TSXML1", 3],
      ["9HG002", 10],
    ]);
  });

  it("PUT /api/orders/[n]: ship-to names, line 3, attributes and long notes (with enableCommentsAsLines)", async () => {
    const n = FX.heldOrderNumbers[2];
    const res = await call(h, one.PUT, `/api/orders/${n}`, {
      method: "PUT",
      params: { orderNumber: n },
      body: MODIFY_INPUT,
    });
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    const sent = lastSent("modify");
    expect(sent).toEqual(MODIFY_WIRE);
    expect(OrderModifyRequest.safeParse(sent).error).toBeUndefined();
    expect(specProblems("/resellers/v6/orders/{orderNumber}", "put", sent)).toEqual([]);
    expect((await detail(n)).notes).toBe(MODIFY_INPUT.notes);
  });
});

describe("bad values of the new fields answer 422 naming the field, and Ingram is not called", () => {
  const CASES: [string, "sync" | "async", Record<string, unknown>, string, RegExp][] = [
    [
      "delivery date",
      "sync",
      { shipmentDetails: { requestedDeliveryDate: "31/12/2099" } },
      "shipmentDetails.requestedDeliveryDate",
      /Requested delivery date/,
    ],
    [
      "past delivery date",
      "sync",
      { shipmentDetails: { requestedDeliveryDate: "2001-01-01" } },
      "shipmentDetails.requestedDeliveryDate",
      /past/,
    ],
    ["ship complete", "sync", { shipmentDetails: { shipComplete: "X" } }, "shipmentDetails.shipComplete", /C, P or E/],
    [
      "carrier code",
      "sync",
      { shipmentDetails: { carrierCode: "C".repeat(11) } },
      "shipmentDetails.carrierCode",
      /at most 10/,
    ],
    ["end user email", "sync", { endUserInfo: { email: "nope" } }, "endUserInfo.email", /End user email/],
    [
      "reseller company",
      "sync",
      { resellerInfo: { companyName: "R".repeat(41) } },
      "resellerInfo.companyName",
      /at most 40/,
    ],
    ["bill-to id", "sync", { billToAddressId: "B".repeat(11) }, "billToAddressId", /Bill-to address id/],
    [
      "v7 field on v6",
      "sync",
      { lines: [{ ingramPartNumber: "TSXML1", quantity: 1, margin: "5" }] },
      "lines.0.margin",
      /synchronous/,
    ],
    ["v6 field on v7", "async", { shipTo: { name1: "X" } }, "shipTo.name1", /asynchronous/],
    [
      "customer line number",
      "sync",
      { lines: [{ ingramPartNumber: "TSXML1", quantity: 1, customerLineNumber: "900" }] },
      "lines.0.customerLineNumber",
      /1 to 884/,
    ],
    [
      "warranty date",
      "sync",
      {
        lines: [
          { ingramPartNumber: "TSXML1", quantity: 1, warrantyInfo: { serialInfo: [{ dateOfPurchase: "yesterday" }] } },
        ],
      },
      "lines.0.warrantyInfo.serialInfo.0.dateOfPurchase",
      /Date of purchase/,
    ],
    [
      "subscription type",
      "async",
      { lines: [{ ingramPartNumber: "9HG002", quantity: 1, subscriptionPeriod: [{ type: "Weeks", duration: 1 }] }] },
      "lines.0.subscriptionPeriod.0.type",
      /Years or Months/,
    ],
    [
      "end user price",
      "sync",
      { lines: [{ ingramPartNumber: "TSXML1", quantity: 1, endUserPrice: "-1" }] },
      "lines.0.endUserPrice",
      /End user price/,
    ],
    ["quote number", "async", { quoteNumber: "Q".repeat(36) }, "quoteNumber", /Quote number/],
  ];
  it.each(CASES)("%s", async (_name, mode, over, field, message) => {
    const before = h.sb.sandbox.stats.requests.length;
    const path = mode === "sync" ? "/api/orders" : "/api/order-requests";
    const res = await call(h, mode === "sync" ? orders.POST : requests.POST, path, {
      method: "POST",
      headers: { "Idempotency-Key": newKey() },
      body: { customerOrderNumber: "BAD-FIELD", lines: [{ ingramPartNumber: "TSXML1", quantity: 1 }], ...over },
    });
    expect(res.status).toBe(422);
    const fields = ((await res.json()) as { error: { fields: Record<string, string> } }).error.fields;
    expect(fields[field], JSON.stringify(fields)).toMatch(message);
    expect(h.sb.sandbox.stats.requests.length).toBe(before);
  });

  it("modify: a bad attribute name and an over-long ship-to name 2", async () => {
    const n = FX.heldOrderNumbers[3];
    const res = await call(h, one.PUT, `/api/orders/${n}`, {
      method: "PUT",
      params: { orderNumber: n },
      body: { additionalAttributes: [{ name: "1bad", value: "x" }], shipTo: { name2: "N".repeat(41) } },
    });
    expect(res.status).toBe(422);
    const fields = ((await res.json()) as { error: { fields: Record<string, string> } }).error.fields;
    expect(fields["additionalAttributes.0.name"]).toMatch(/Attribute name/);
    expect(fields["shipTo.name2"]).toMatch(/Ship-to name 2/);
  });
});
