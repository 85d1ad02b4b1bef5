import { beforeEach, describe, expect, it } from "vitest";
import { VENDOR_NUMBERS } from "@/lib/ingram/sandbox/catalog";
import { SANDBOX_FIXTURES as F } from "@/lib/ingram/sandbox/fixtures";
import { DEFAULT_WINDOW_DAYS } from "@/lib/ingram/sandbox/search";
import { DAY_MS, ymd } from "@/lib/ingram/sandbox/util";
import { useHarness } from "./helpers.ts";

/* Where Ingram's documented behavior differs from a naive mock, the sandbox follows Ingram. */

describe("sandbox follows Ingram", () => {
  const h = useHarness({ webhookDelayMs: 60_000 });

  it("a search without any filter covers the last 20 days only; a date range reaches older orders", async () => {
    const created = await h.api("POST", "/resellers/v6/orders", {
      body: { customerOrderNumber: "WINDOW-1", lines: [{ ingramPartNumber: "TSXML1", quantity: 1 }] },
    });
    expect(created.status).toBe(201);
    const from = ymd(h.sb.clock.now() - DEFAULT_WINDOW_DAYS * DAY_MS);
    const all = h.sb.store.listOrders();
    const inWindow = all.filter((o) => ymd(o.createdAt) >= from);
    expect(inWindow.length).toBeLessThan(all.length);

    const res = await h.api("GET", "/resellers/v6/orders/search?pageSize=100");
    expect(res.status).toBe(200);
    expect(res.json.recordsFound).toBe(inWindow.length);
    expect(res.json.orders).toHaveLength(Math.min(100, inWindow.length));
    for (const o of res.json.orders) expect(o.ingramOrderDate >= from).toBe(true);
    expect(res.json.orders.map((o: { ingramOrderNumber: string }) => o.ingramOrderNumber)).toContain(
      created.json.orders[0].ingramOrderNumber,
    );

    // 20-CXL01 is 30 days older than the seed's base date: outside the default window, inside an explicit range.
    const old = all.find((o) => o.ingramOrderNumber === F.canceledOrderNumber)!;
    expect(ymd(old.createdAt) < from).toBe(true);
    const noFilter = await h.api(
      "GET",
      `/resellers/v6/orders/search?pageSize=100&pageNumber=${Math.ceil(inWindow.length / 100) || 1}`,
    );
    expect(noFilter.json.orders.map((o: { ingramOrderNumber: string }) => o.ingramOrderNumber)).not.toContain(
      F.canceledOrderNumber,
    );
    const range = `ingramOrderDate-bt=${ymd(old.createdAt)}&ingramOrderDate-bt=${ymd(old.createdAt)}`;
    const ranged = await h.api("GET", `/resellers/v6/orders/search?${range}&pageSize=100`);
    expect(ranged.json.orders.map((o: { ingramOrderNumber: string }) => o.ingramOrderNumber)).toContain(
      F.canceledOrderNumber,
    );
    // Any other filter is a filter too: no window is applied.
    const byPo = await h.api("GET", "/resellers/v6/orders/search?customerOrderNumber=FIX-20CXL01");
    expect(byPo.json.orders.map((o: { ingramOrderNumber: string }) => o.ingramOrderNumber)).toEqual([
      F.canceledOrderNumber,
    ]);
  });

  it("refuses an empty endUserInfo on v6 (ErrorResponse) and v7 (v7 error shape), at once", async () => {
    const line = [{ ingramPartNumber: "TSXML1", quantity: 1 }];
    const v6 = await h.api("POST", "/resellers/v6/orders", {
      body: { customerOrderNumber: "EU-EMPTY-6", endUserInfo: {}, lines: line },
    });
    expect(v6.status).toBe(400);
    expect(v6.json.errors[0]).toMatchObject({
      type: "/errors/validation-failed",
      fields: [{ field: "endUserInfo", message: "Values under endUserInfo object cannot be empty" }],
    });
    const blank = await h.api("POST", "/resellers/v6/orders", {
      body: { customerOrderNumber: "EU-EMPTY-6B", endUserInfo: { companyName: " " }, lines: line },
    });
    expect(blank.status).toBe(400);
    const v7 = await h.api("POST", "/resellers/v7/orders", {
      body: { customerOrderNumber: "EU-EMPTY-7", endUserInfo: {}, lines: line },
    });
    expect(v7.status).toBe(400);
    expect(v7.json.errors[0]).toMatchObject({
      traceid: expect.any(String),
      fields: [{ field: "endUserInfo", message: "Values under endUserInfo object cannot be empty" }],
    });
    expect(h.sb.store.hasCustomerOrderNumber("EU-EMPTY-6") || h.sb.store.hasCustomerOrderNumber("EU-EMPTY-6B")).toBe(
      false,
    );
    const filled = await h.api("POST", "/resellers/v6/orders", {
      body: { customerOrderNumber: "EU-FULL-6", endUserInfo: { companyName: "ACME" }, lines: line },
    });
    expect(filled.status).toBe(201);
  });

  it("answers a PUT with a bad token 401 without a body, as the spec documents; other operations keep the gateway fault", async () => {
    const token = h.token;
    h.token = "revoked-token";
    try {
      for (const path of [
        `/resellers/v6/orders/${F.heldOrderNumbers[0]}`,
        `/resellers/v6/orders/${F.heldOrderNumbers[0]}?actionCode=release`,
      ]) {
        const put = await h.api("PUT", path, { body: { notes: "x" } });
        expect(put.status).toBe(401);
        expect(put.text).toBe("");
      }
      const del = await h.api("DELETE", `/resellers/v6/orders/${F.heldOrderNumbers[0]}`);
      expect(del.status).toBe(401);
      expect(del.json.fault.faultstring).toBe("Invalid Access Token");
    } finally {
      h.token = token;
    }
  });
});

describe("order details query parameters", () => {
  const h = useHarness({ orderCount: 20 });
  // The last test modifies and cancels seeded held orders that the others read: each starts from the seed.
  beforeEach(() => h.sb.reset());
  const detail = (n: string, q = "") => h.api("GET", `/resellers/v6.1/orders/${n}${q ? `?${q}` : ""}`);

  it("simulateStatus renders the order in that state and leaves the stored order as it was", async () => {
    const n = F.heldOrderNumbers[4];
    const before = (await detail(n)).json;
    expect(before.orderStatus).toBe("On Hold");
    const lineCount = h.sb.store.getOrder(n)!.lines.length;
    expect(lineCount).toBeGreaterThanOrEqual(1);

    const shipped = (await detail(n, "simulateStatus=IM::SHIPPED")).json;
    expect(shipped.orderStatus).toBe("Shipped");
    expect(shipped.lines).toHaveLength(lineCount);
    for (const l of shipped.lines) {
      expect(l.lineStatus).toBe("Shipped");
      expect(l.shipmentDetails[0].carrierDetails[0].trackingDetails[0].trackingNumber).toEqual(expect.any(String));
      expect(l.shipmentDetails[0].invoiceNumber).toBeUndefined();
    }
    const invoiced = (await detail(n, "simulateStatus=IM::INVOICED")).json;
    expect(invoiced.lines).toHaveLength(lineCount);
    for (const l of invoiced.lines) expect(l.shipmentDetails[0].invoiceNumber).toEqual(expect.any(String));

    const partial = (await detail(n, "simulateStatus=IM::PARTIALLY_SHIPPED")).json;
    expect(partial.orderStatus).toBe("Processing");
    expect(partial.lines.map((l: { lineStatus: string }) => l.lineStatus)).toEqual(["Shipped", "In Progress"]);

    const hold = (await detail(F.processingOrderNumber, "simulateStatus=IM::HOLD")).json;
    expect(hold.orderStatus).toBe("On Hold");
    expect(hold.lines.every((l: { lineStatus: string }) => l.lineStatus === "On Hold")).toBe(true);

    // The same simulation twice gives the same answer, and the stored order is untouched.
    expect((await detail(n, "simulateStatus=IM::SHIPPED")).json).toEqual(shipped);
    expect((await detail(n)).json).toEqual(before);
    expect((await detail(F.processingOrderNumber)).json.orderStatus).toBe("Processing");

    const bad = await detail(n, "simulateStatus=IM::LOST");
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].fields[0]).toMatchObject({ field: "simulateStatus", value: "IM::LOST" });
  });

  it("a one-line order partially shipped ships half its quantity and backorders the rest", async () => {
    const res = (await detail(F.backorderedOrderNumber, "simulateStatus=IM::PARTIALLY_SHIPPED")).json;
    expect(res.lines).toHaveLength(1);
    expect(res.lines[0]).toMatchObject({
      lineStatus: "Shipped",
      quantityOrdered: 3,
      quantityConfirmed: 2,
      quantityBackOrdered: 1,
    });
  });

  it("vendorNumber keeps only that vendor's lines", async () => {
    const s = F.shippedOrder;
    const all = (await detail(s.orderNumber)).json.lines as { vendorName: string }[];
    const vendors = [...new Set(all.map((l) => l.vendorName))];
    expect(vendors.length).toBeGreaterThan(1);
    const cisco = (await detail(s.orderNumber, `vendorNumber=${VENDOR_NUMBERS.CISCO}`)).json.lines as {
      vendorName: string;
    }[];
    expect(cisco.length).toBeGreaterThan(0);
    expect(cisco.length).toBeLessThan(all.length);
    expect(new Set(cisco.map((l) => l.vendorName))).toEqual(new Set(["CISCO"]));
    const none = await detail(s.orderNumber, "vendorNumber=999999999");
    expect(none.status).toBe(200);
    expect(none.json.lines).toEqual([]);
  });

  it("isIml must be a boolean; regionCode is accepted on details, cancel and modify when well-formed", async () => {
    expect((await detail(F.processingOrderNumber, "isIml=true")).status).toBe(200);
    expect((await detail(F.processingOrderNumber, "isIml=false")).status).toBe(200);
    const iml = await detail(F.processingOrderNumber, "isIml=yes");
    expect(iml.status).toBe(400);
    expect(iml.json.errors[0].fields[0]).toMatchObject({ field: "isIml", value: "yes" });

    expect((await detail(F.processingOrderNumber, "regionCode=CS")).status).toBe(200);
    expect((await detail(F.processingOrderNumber, "regionCode=C%20S")).status).toBe(400);
    expect(
      (await h.api("PUT", `/resellers/v6/orders/${F.heldOrderNumbers[1]}?regionCode=C%20S`, { body: { notes: "x" } }))
        .status,
    ).toBe(400);
    expect(
      (await h.api("PUT", `/resellers/v6/orders/${F.heldOrderNumbers[1]}?regionCode=CS`, { body: { notes: "region" } }))
        .status,
    ).toBe(200);
    expect((await h.api("DELETE", `/resellers/v6/orders/${F.heldOrderNumbers[2]}?regionCode=C%20S`)).status).toBe(400);
    expect((await h.api("DELETE", `/resellers/v6/orders/${F.heldOrderNumbers[2]}?regionCode=CS`)).status).toBe(200);
  });
});
