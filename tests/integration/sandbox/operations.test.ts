import { beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_FIXTURES as F } from "@/lib/ingram/sandbox/fixtures";
import { useHarness } from "./helpers.ts";

const held = (po: string, lines: { ingramPartNumber: string; quantity: number }[]) => ({
  customerOrderNumber: po,
  lines,
  additionalAttributes: [{ attributeName: "allowOrderOnCustomerHold", attributeValue: "true" }],
});

describe("sandbox operations", () => {
  const h = useHarness({ webhookDelayMs: 100 });
  // Tests cancel, modify and release the seeded held orders and move the sandbox clock past their hold: each
  // starts from the seed.
  beforeEach(() => h.sb.reset());

  it("validates the IM-* headers and echoes correlation and sender ids", async () => {
    const ok = await h.api("GET", `/resellers/v6.1/orders/${F.processingOrderNumber}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("im-correlationid")).toBe("0123456789abcdef0123456789abcdef");
    expect(ok.headers.get("im-senderid")).toBe("orderdesk-tests");

    const long = await h.api("GET", "/resellers/v6/orders/search", { headers: { "IM-CorrelationID": "x".repeat(33) } });
    expect(long.status).toBe(400);
    expect(long.json.errors[0].fields[0].field).toBe("IM-CorrelationID");
    const missing = await h.api("GET", "/resellers/v6/orders/search", { headers: { "IM-CorrelationID": "" } });
    expect(missing.status).toBe(400);
    const country = await h.api("GET", "/resellers/v6/orders/search", { headers: { "IM-CountryCode": "USA" } });
    expect(country.json.errors[0].fields[0]).toMatchObject({ field: "IM-CountryCode", value: "USA" });
    const customer = await h.api("GET", "/resellers/v6/orders/search", {
      headers: { "IM-CustomerNumber": "20-999999" },
    });
    expect(customer.status).toBe(400);
    expect(customer.json).toMatchObject({
      faultcode: "Server",
      faultstring: expect.stringMatching(/Invalid customer number/),
    });
  });

  it("serves the operations under the /sandbox prefix too", async () => {
    const res = await h.api("GET", `/sandbox/resellers/v6.1/orders/${F.processingOrderNumber}`);
    expect(res.status).toBe(200);
    expect(res.json.ingramOrderNumber).toBe(F.processingOrderNumber);
    expect((await h.api("GET", "/resellers/v9/nothing")).status).toBe(404);
  });

  it("GET v6.1 returns the order, a sub-order's lines, or 404", async () => {
    const full = await h.api("GET", `/resellers/v6.1/orders/${F.shippedOrder.orderNumber}`);
    expect(full.json.lines).toHaveLength(2);
    const sub = await h.api("GET", `/resellers/v6.1/orders/${F.shippedOrder.subOrderNumbers[1]}`);
    expect(sub.status).toBe(200);
    expect(sub.json.lines.map((l: { subOrderNumber: string }) => l.subOrderNumber)).toEqual([
      F.shippedOrder.subOrderNumbers[1],
    ]);
    const missing = await h.api("GET", "/resellers/v6.1/orders/20-ZZZZZ");
    expect(missing.status).toBe(404);
    expect(missing.json.errors[0].message).toBe("Order not found.");
  });

  it("v6 create answers 201 with the new order, readable through GET", async () => {
    const res = await h.api("POST", "/resellers/v6/orders", {
      body: {
        customerOrderNumber: "INGRAM_CALLS-201",
        lines: [{ customerLineNumber: "1", ingramPartNumber: "TSXML1", quantity: 3 }],
      },
    });
    expect(res.status).toBe(201);
    const order = res.json.orders[0];
    expect(order).toMatchObject({ numberOfLinesWithSuccess: 1, numberOfLinesWithError: 0, currencyCode: "USD" });
    expect(order.ingramOrderNumber).toMatch(/^\d{2}-[A-Z0-9]{5}$/);
    expect(order.lines[0]).toMatchObject({ ingramPartNumber: "TSXML1", quantityOrdered: 3, ingramLineNumber: "001" });
    const detail = await h.api("GET", `/resellers/v6.1/orders/${order.ingramOrderNumber}`);
    expect(detail.json).toMatchObject({ orderStatus: "Processing", customerOrderNumber: "INGRAM_CALLS-201" });
  });

  it("v6 create answers 207 when some part numbers are unknown, 400 when all are", async () => {
    const partial = await h.api("POST", "/resellers/v6/orders", {
      body: {
        customerOrderNumber: "INGRAM_CALLS-207",
        lines: [
          { ingramPartNumber: "TSXML1", quantity: 1 },
          { customerLineNumber: "2", ingramPartNumber: "XXXXXX", quantity: 1 },
        ],
      },
    });
    expect(partial.status).toBe(207);
    expect(partial.json.processedPartially).toBe(true);
    expect(partial.json.orders[0].numberOfLinesWithError).toBe(1);
    expect(partial.json.orders[0].rejectedLineItems).toEqual([
      {
        customerLinenumber: "2",
        ingramPartNumber: "XXXXXX",
        quantityOrdered: 1,
        rejectCode: "EN",
        rejectReason: "SKU-NOTFOUND    XXXXXX",
      },
    ]);
    const none = await h.api("POST", "/resellers/v6/orders", {
      body: { customerOrderNumber: "INGRAM_CALLS-400", lines: [{ ingramPartNumber: "NOPE99", quantity: 1 }] },
    });
    expect(none.status).toBe(400);
    expect(h.sb.store.hasCustomerOrderNumber("INGRAM_CALLS-400")).toBe(false);
  });

  it("v6 create validates the body and refuses duplicate customer order numbers unless allowed", async () => {
    const bad = await h.api("POST", "/resellers/v6/orders", {
      body: { customerOrderNumber: "P".repeat(36), lines: [{ ingramPartNumber: "TSXML1", quantity: 1.5 }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].fields.map((f: { field: string }) => f.field)).toEqual([
      "customerOrderNumber",
      "lines[0].quantity",
    ]);
    expect(
      (
        await h.api("POST", "/resellers/v6/orders", {
          raw: "{not json",
          headers: { "content-type": "application/json" },
        })
      ).status,
    ).toBe(400);

    const body = { customerOrderNumber: "INGRAM_CALLS-DUP", lines: [{ ingramPartNumber: "TSXML1", quantity: 1 }] };
    expect((await h.api("POST", "/resellers/v6/orders", { body })).status).toBe(201);
    const dup = await h.api("POST", "/resellers/v6/orders", { body });
    expect(dup.status).toBe(400);
    expect(dup.json.errors[0].fields[0].field).toBe("customerOrderNumber");
    const allowed = await h.api("POST", "/resellers/v6/orders", {
      body: {
        ...body,
        additionalAttributes: [{ attributeName: "allowDuplicateCustomerOrderNumber", attributeValue: "true" }],
      },
    });
    expect(allowed.status).toBe(201);
  });

  it("v7 create acknowledges with a confirmation number and creates the order once processed, as Ingram does", async () => {
    const res = await h.api("POST", "/resellers/v7/orders", {
      body: { customerOrderNumber: "INGRAM_CALLS-V7", lines: [{ ingramPartNumber: "TSXML3", quantity: 2 }] },
    });
    expect(res.status).toBe(200);
    const yymmdd = new Date(h.sb.clock.now()).toISOString().slice(2, 10).replace(/-/g, "");
    expect(res.json.quoteNumber).toBeNull();
    expect(res.json.confirmationNumber).toMatch(new RegExp(`^US-I-T-${yymmdd}\\d{14}$`));
    expect(res.json.message).toMatch(/^Thank you for submitting the order request/);
    // The acknowledgement creates nothing yet; the order exists once processed (when the result webhook goes out).
    expect(h.sb.store.hasCustomerOrderNumber("INGRAM_CALLS-V7")).toBe(false);
    await expect.poll(() => h.sb.store.hasCustomerOrderNumber("INGRAM_CALLS-V7"), { timeout: 3_000 }).toBe(true);
    const bad = await h.api("POST", "/resellers/v7/orders", {
      body: {
        customerOrderNumber: "X".repeat(19),
        acceptBackOrder: "true",
        lines: [{ ingramPartNumber: "TSXML3", quantity: 1 }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]).toMatchObject({ traceid: expect.any(String), type: "/errors/validation-failed" });
    expect(bad.json.errors[0].fields.map((f: { field: string }) => f.field)).toEqual([
      "customerOrderNumber",
      "acceptBackOrder",
    ]);
  });

  it("cancel and modify are refused for orders not on customer hold", async () => {
    const del = await h.api("DELETE", `/resellers/v6/orders/${F.processingOrderNumber}`);
    expect(del.status).toBe(405);
    expect(del.json.errors[0].message).toMatch(/can not be deleted as the order is not on hold/);
    const put = await h.api("PUT", `/resellers/v6/orders/${F.shippedOrder.orderNumber}`, { body: { notes: "x" } });
    expect(put.status).toBe(400);
    expect(put.json.errors[0].fields[0].message).toMatch(/can not be modified\/released/);
    expect((await h.api("DELETE", "/resellers/v6/orders/20-ZZZZZ")).status).toBe(404);
    expect((await h.api("PUT", "/resellers/v6/orders/20-ZZZZZ", { body: {} })).status).toBe(404);
  });

  it("an Ingram hold (credit review) shows On Hold without the customer-hold flag and refuses every change", async () => {
    const n = F.ingramHeldOrderNumber;
    const detail = await h.api("GET", `/resellers/v6.1/orders/${n}`);
    expect(detail.json).toMatchObject({
      orderStatus: "On Hold",
      additionalAttributes: [{ attributeName: "holdReason", attributeValue: F.ingramHoldReason }],
    });
    expect((await h.api("DELETE", `/resellers/v6/orders/${n}`)).status).toBe(405);
    expect((await h.api("PUT", `/resellers/v6/orders/${n}?actionCode=release`, { body: {} })).status).toBe(400);
    expect((await h.api("PUT", `/resellers/v6/orders/${n}`, { body: { notes: "x" } })).status).toBe(400);
    expect(h.sb.store.getOrder(n)).toMatchObject({ status: "On Hold", customerHold: false });
    const held = await h.api("GET", `/resellers/v6.1/orders/${F.heldOrderNumbers[0]}`);
    expect(held.json.additionalAttributes).toEqual([
      { attributeName: "allowOrderOnCustomerHold", attributeValue: "true" },
    ]);
  });

  it("cancels a held order (200, no body)", async () => {
    const n = F.heldOrderNumbers[0];
    const res = await h.api("DELETE", `/resellers/v6/orders/${n}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(h.sb.store.getOrder(n)!.status).toBe("Canceled");
    expect((await h.api("DELETE", `/resellers/v6/orders/${n}`)).status).toBe(405);
  });

  it("modifies a held order: ADD / UPDATE / DELETE, notes, ship-to; 207 with EN/EL rejections", async () => {
    const n = F.heldOrderNumbers[1];
    const ok = await h.api("PUT", `/resellers/v6/orders/${n}`, {
      body: {
        notes: "CALL BEFORE DELIVERY",
        shipToInfo: { companyName: "NEW SITE", city: "FLAGSTAFF", state: "AZ" },
        lines: [
          { addUpdateDeleteLine: "ADD", customerLineNumber: "3", ingramPartNumber: "TSXML3", quantity: 4 },
          { addUpdateDeleteLine: "UPDATE", ingramLineNumber: "001", quantity: 7 },
          { addUpdateDeleteLine: "DELETE", ingramLineNumber: 2 },
        ],
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      ingramOrderNumber: n,
      notes: "CALL BEFORE DELIVERY",
      orderStatus: "On Hold",
      rejectedLineItems: [],
    });
    const order = h.sb.store.getOrder(n)!;
    expect(order.lines.map((l) => [l.ingramLineNumber, l.ingramPartNumber, l.quantityOrdered])).toEqual([
      ["001", "TSXML1", 7],
      ["003", "TSXML3", 4],
    ]);
    expect(order.shipToInfo.companyName).toBe("NEW SITE");

    const partial = await h.api("PUT", `/resellers/v6/orders/${n}`, {
      body: {
        lines: [
          { addUpdateDeleteLine: "ADD", customerLineNumber: "9", ingramPartNumber: "ZZ9999", quantity: 1 },
          { addUpdateDeleteLine: "UPDATE", ingramLineNumber: "042", quantity: 1 },
        ],
      },
    });
    expect(partial.status).toBe(207);
    expect(partial.json.rejectedLineItems).toEqual([
      {
        customerLineNumber: "9",
        ingramPartNumber: "ZZ9999",
        quantityOrdered: 1,
        rejectCode: "EN",
        rejectReason: "SKU-NOTFOUND    ZZ9999",
      },
      { ingramLineNumber: "042", quantityOrdered: 1, rejectCode: "EL", rejectReason: "ERROR-LINE-NOT-FOUND" },
    ]);
    const invalid = await h.api("PUT", `/resellers/v6/orders/${n}`, {
      body: { lines: [{ addUpdateDeleteLine: "MERGE" }] },
    });
    expect(invalid.status).toBe(400);
  });

  it("releases a held order once (actionCode=release), after which it is no longer modifiable", async () => {
    const n = F.heldOrderNumbers[2];
    const res = await h.api("PUT", `/resellers/v6/orders/${n}?actionCode=release`, { body: {} });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ingramOrderNumber: n, orderStatus: "Processing" });
    expect(h.sb.stats.count("release")).toBe(1);
    expect((await h.api("PUT", `/resellers/v6/orders/${n}?actionCode=release`, { body: {} })).status).toBe(400);
    expect((await h.api("DELETE", `/resellers/v6/orders/${n}`)).status).toBe(405);
  });

  it("creates on customer hold when asked, and voids holds after 24 h of sandbox time", async () => {
    const res = await h.api("POST", "/resellers/v6/orders", {
      body: held("INGRAM_CALLS-HOLD", [{ ingramPartNumber: "TSXML1", quantity: 1 }]),
    });
    expect(res.status).toBe(201);
    const n = res.json.orders[0].ingramOrderNumber;
    expect((await h.api("GET", `/resellers/v6.1/orders/${n}`)).json.orderStatus).toBe("On Hold");
    h.sb.clock.advance(23 * 3600_000);
    expect((await h.api("GET", `/resellers/v6.1/orders/${n}`)).json.orderStatus).toBe("On Hold");
    h.sb.clock.advance(3600_000);
    h.token = await h.newToken();
    expect((await h.api("GET", `/resellers/v6.1/orders/${n}`)).json.orderStatus).toBe("Canceled");
    expect((await h.api("PUT", `/resellers/v6/orders/${n}?actionCode=release`, { body: {} })).status).toBe(400);
    expect(h.sb.store.getOrder(F.heldOrderNumbers[4])!.status).toBe("Canceled");
  });

  it("header notes over 35 characters are kept whole only with enableCommentsAsLines=true", async () => {
    const long = "Deliver to the loading dock behind building C, please";
    const path = `/resellers/v6/orders/${F.heldOrderNumbers[0]}`;
    expect((await h.api("PUT", path, { body: { notes: long } })).status).toBe(200);
    expect((await h.api("GET", `/resellers/v6.1/orders/${F.heldOrderNumbers[0]}`)).json.notes).toBe(long.slice(0, 35));
    const withAttr = {
      notes: long,
      additionalAttributes: [{ attributeName: "enableCommentsAsLines", attributeValue: "true" }],
    };
    expect((await h.api("PUT", path, { body: withAttr })).status).toBe(200);
    expect((await h.api("GET", `/resellers/v6.1/orders/${F.heldOrderNumbers[0]}`)).json.notes).toBe(long);
  });

  it("a line may name a registered customer part number (CPN) or a vendor part number instead of Ingram's", async () => {
    const res = await h.api("POST", "/resellers/v6/orders", {
      body: {
        customerOrderNumber: "CPN-LINES",
        lines: [
          { customerLineNumber: "2", customerPartNumber: F.customerPartNumber, quantity: 1 },
          { customerLineNumber: "3", customerPartNumber: "NOT-REGISTERED", quantity: 1 },
        ],
      },
    });
    expect(res.status).toBe(207);
    const order = res.json.orders[0];
    expect(order.lines.map((l: { ingramPartNumber: string }) => l.ingramPartNumber)).toEqual(["YZ1478"]);
    expect(order.rejectedLineItems[0]).toMatchObject({ customerLinenumber: "3", rejectCode: "EN" });
  });
});
