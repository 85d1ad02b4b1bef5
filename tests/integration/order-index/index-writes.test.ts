// Ingram's search pages and full details written into the order index, against the sandbox over HTTP and a
// real database (PGlite; PostgreSQL with TEST_DB=postgres).
import { describe, expect, it } from "vitest";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { indexedOrders } from "@/lib/order-index/index-search";
import {
  indexOrderDetail,
  indexSearchPage,
  type IndexAccount,
  SEEN_AGAIN_WITHIN_MS,
} from "@/lib/order-index/index-writes";
import { useTestDatabase } from "@/tests/support/db";
import { useSandbox } from "@/tests/support/sandbox";

const t = useTestDatabase();
const sb = useSandbox();
const account: IndexAccount = { customerNumber: "20-222222", countryCode: "US" };
const ctx = { correlationId: "0123456789abcdef0123456789abcdef" };

const row = (orderNumber: string) =>
  t.db.indexedOrder.findUnique({
    where: { customerNumber_countryCode_orderNumber: { ...account, orderNumber } },
  });

describe("the order index's writes", () => {
  it("writes every order of a search page with its status, PO, date and total", async () => {
    const res = await sb.client.searchOrders({ customerOrderNumber: FX.multiPagePo.term, pageSize: 25 }, ctx);
    const written = await indexSearchPage(t.db, account, res.data);
    expect(written).toBe(25);
    const first = res.data?.orders?.[0];
    const stored = await row(String(first?.ingramOrderNumber));
    expect(stored?.customerOrderNumber).toBe(first?.customerOrderNumber);
    expect(Number(stored?.total)).toBe(Number(first?.orderTotal));
    expect(stored?.lastSeenVia).toBe("search");
    expect(stored?.detail).toBeNull();
  });

  it("writes a detail's serials, tracking numbers, parts and sub-orders, found by free text", async () => {
    const s = FX.shippedOrder;
    const res = await sb.client.getOrder(s.orderNumber, {}, ctx);
    await indexOrderDetail(t.db, account, res.data, "details");
    const stored = await row(s.orderNumber);
    expect(stored?.serialNumbers).toContain(s.serialNumber);
    expect(stored?.trackingNumbers).toContain(s.trackingNumber);
    expect(stored?.ingramPartNumbers).toContain(s.ingramPartNumber);
    expect(stored?.vendorNames).toContain(s.vendorName);
    expect(stored?.shipDate?.toISOString().slice(0, 10)).toBe(sb.sandbox.fixtures.shippedOrder.shipDate);
    expect(stored?.lastSeenVia).toBe("details");
    expect(s.subOrderNumbers).toHaveLength(2);
    for (const sub of s.subOrderNumbers) expect((await row(sub))?.parentOrderNumber).toBe(s.orderNumber);
    for (const needle of [s.serialNumber, s.trackingNumber, s.endCustomerOrderNumber]) {
      const found = await t.db.indexedOrder.findMany({
        where: { ...account, searchText: { contains: needle.toLowerCase() } },
        select: { orderNumber: true },
      });
      expect(
        found.map((f) => f.orderNumber),
        needle,
      ).toContain(s.orderNumber);
    }
  });

  it("keeps what only a detail knows when a later search row refreshes the order", async () => {
    const s = FX.shippedOrder;
    await indexOrderDetail(t.db, account, (await sb.client.getOrder(s.orderNumber, {}, ctx)).data, "details");
    const res = await sb.client.searchOrders({ ingramOrderNumber: s.orderNumber }, ctx);
    await indexSearchPage(t.db, account, res.data);
    const stored = await row(s.orderNumber);
    expect(stored?.lastSeenVia).toBe("search");
    expect(stored?.serialNumbers).toContain(s.serialNumber);
    expect(stored?.searchText).toContain(s.trackingNumber.toLowerCase());
    expect(stored?.detail).not.toBeNull();
  });

  it("a detail read again as the index holds it moves the fetched and seen times of the order and its sub-orders", async () => {
    const s = FX.shippedOrder;
    const raw = (await sb.client.getOrder(s.orderNumber, {}, ctx)).data;
    const first = new Date("2026-11-30T10:00:00.000Z");
    await indexOrderDetail(t.db, account, raw, "details", first);
    const before = await row(s.orderNumber);
    const again = new Date("2026-11-30T10:05:00.000Z");
    await indexOrderDetail(t.db, account, raw, "webhook", again);
    for (const n of [s.orderNumber, ...s.subOrderNumbers]) {
      const r = await row(n);
      expect(r, n).toMatchObject({ detailFetchedAt: again, lastSeenAt: again, lastSeenVia: "webhook" });
    }
    const { detailFetchedAt: _a, lastSeenAt: _b, lastSeenVia: _c, ...rest } = (await row(s.orderNumber))!;
    const { detailFetchedAt: _d, lastSeenAt: _e, lastSeenVia: _f, ...restBefore } = before!;
    expect(rest).toEqual(restBefore);
  });

  it("the same detail puts its columns back over a later search row", async () => {
    const s = FX.shippedOrder;
    const raw = (await sb.client.getOrder(s.orderNumber, {}, ctx)).data;
    await indexOrderDetail(t.db, account, raw, "details", new Date("2026-11-30T11:00:00.000Z"));
    const detailTotal = Number((await row(s.orderNumber))?.total);
    const page = (await sb.client.searchOrders({ ingramOrderNumber: s.orderNumber }, ctx)).data!;
    const altered = { ...page, orders: page.orders!.map((o) => ({ ...o, orderTotal: detailTotal + 100 })) };
    await indexSearchPage(t.db, account, altered, new Date("2026-11-30T11:01:00.000Z"));
    expect(Number((await row(s.orderNumber))?.total)).toBe(detailTotal + 100);
    const later = new Date("2026-11-30T11:02:00.000Z");
    await indexOrderDetail(t.db, account, raw, "details", later);
    expect(await row(s.orderNumber)).toMatchObject({ detailFetchedAt: later, lastSeenVia: "details" });
    expect(Number((await row(s.orderNumber))?.total)).toBe(detailTotal);
  });

  it("the same detail writes a sub-order row the index lacks", async () => {
    const s = FX.shippedOrder;
    const raw = (await sb.client.getOrder(s.orderNumber, {}, ctx)).data;
    await indexOrderDetail(t.db, account, raw, "details", new Date("2026-11-30T12:00:00.000Z"));
    await t.db.indexedOrder.delete({
      where: { customerNumber_countryCode_orderNumber: { ...account, orderNumber: s.subOrderNumbers[1]! } },
    });
    const later = new Date("2026-11-30T12:01:00.000Z");
    await indexOrderDetail(t.db, account, raw, "details", later);
    expect(await row(s.subOrderNumbers[1]!)).toMatchObject({ parentOrderNumber: s.orderNumber, lastSeenAt: later });
    expect(await row(s.orderNumber)).toMatchObject({ lastSeenAt: later });
  });

  it("a search page read again moves the seen times of the orders it holds as they were and rewrites the others", async () => {
    const page = (await sb.client.searchOrders({ customerOrderNumber: FX.multiPagePo.term, pageSize: 25 }, ctx)).data!;
    const numbers = page.orders!.map((o) => String(o.ingramOrderNumber));
    const [totalMoved, statusMoved, ...same] = numbers;
    // Ahead of anything this file wrote before ("now"): the index never moves a seen time back.
    const first = new Date(Date.now() + 60 * 60_000);
    await indexSearchPage(t.db, account, page, first);
    const held = await row(same[0]!);
    const statusHeld = (await row(statusMoved!))?.status;
    // Another writer moved one order's status; Ingram's next page changes another's total.
    await t.db.indexedOrder.update({
      where: { customerNumber_countryCode_orderNumber: { ...account, orderNumber: statusMoved! } },
      data: { status: statusHeld === "cancelled" ? "processing" : "cancelled" },
    });
    const statusWas = (await row(totalMoved!))?.status;
    const next = {
      ...page,
      orders: page.orders!.map((o) => (o.ingramOrderNumber === totalMoved ? { ...o, orderTotal: 12345.67 } : o)),
    };
    const later = new Date(first.getTime() + 5 * 60_000);
    expect(await indexSearchPage(t.db, account, next, later)).toBe(25);
    for (const n of numbers) {
      expect(await row(n), n).toMatchObject({ lastSeenAt: later, summaryFetchedAt: later, lastSeenVia: "search" });
    }
    expect(Number((await row(totalMoved!))?.total)).toBe(12345.67);
    expect((await row(totalMoved!))?.status).toBe(statusWas);
    expect((await row(statusMoved!))?.status).toBe(statusHeld);
    const { lastSeenAt: _a, summaryFetchedAt: _b, ...rest } = (await row(same[0]!))!;
    const { lastSeenAt: _c, summaryFetchedAt: _d, ...restHeld } = held!;
    expect(rest).toEqual(restHeld);
  });

  it("lists the detail's vendor sales order number, else the search row's", async () => {
    const s = FX.shippedOrder;
    const page = (await sb.client.searchOrders({ ingramOrderNumber: s.orderNumber }, ctx)).data!;
    const fromSearch = { ...page, orders: page.orders!.map((o) => ({ ...o, vendorSalesOrderNumber: "VSO-SEARCH" })) };
    const listed = async () =>
      (await indexedOrders(t.db, account, { ingramOrderNumber: s.orderNumber }, 25, 0)).map((o) => [
        o.orderNumber,
        o.vendorSalesOrderNumber,
      ]);
    await t.db.indexedOrder.deleteMany({ where: { orderNumber: { startsWith: s.orderNumber } } });
    await indexSearchPage(t.db, account, fromSearch);
    expect(await listed()).toEqual([[s.orderNumber, "VSO-SEARCH"]]);
    const raw = (await sb.client.getOrder(s.orderNumber, {}, ctx)).data;
    await indexOrderDetail(t.db, account, { ...raw, vendorSalesOrderNumber: "VSO-DETAIL" }, "details");
    await indexSearchPage(t.db, account, fromSearch, new Date(Date.now() + 1000));
    expect(await listed()).toEqual([[s.orderNumber, "VSO-DETAIL"]]);
  });

  it("a search page read again within a few seconds of the last moves no times and writes nothing", async () => {
    const page = (await sb.client.searchOrders({ customerOrderNumber: FX.multiPagePo.term, pageSize: 25 }, ctx)).data!;
    const numbers = page.orders!.map((o) => String(o.ingramOrderNumber));
    const first = new Date(Date.now() + 2 * 60 * 60_000);
    await indexSearchPage(t.db, account, page, first);
    const soon = new Date(first.getTime() + SEEN_AGAIN_WITHIN_MS - 1);
    expect(await indexSearchPage(t.db, account, page, soon)).toBe(25);
    for (const n of numbers) expect(await row(n), n).toMatchObject({ lastSeenAt: first, summaryFetchedAt: first });
    const later = new Date(first.getTime() + SEEN_AGAIN_WITHIN_MS + 1);
    await indexSearchPage(t.db, account, page, later);
    for (const n of numbers) expect(await row(n), n).toMatchObject({ lastSeenAt: later, summaryFetchedAt: later });
  });
});
