import { beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_FIXTURES as F } from "@/lib/ingram/sandbox/fixtures";
import type { SandboxOrder } from "@/lib/ingram/sandbox/sandbox-types";
import { DAY_MS, ymd } from "@/lib/ingram/sandbox/util";
import { type SandboxJson, useHarness } from "./helpers.ts";

type Entry = { ingramOrderNumber: string; ingramOrderDate: string; orderStatus: string; customerOrderNumber: string };

describe("sandbox order search", () => {
  const h = useHarness();
  let all: SandboxOrder[];
  beforeAll(async () => {
    all = h.sb.store.listOrders();
  });

  async function search(qs: string): Promise<{ status: number; json: SandboxJson; numbers: string[] }> {
    const res = await h.api("GET", `/resellers/v6/orders/search?${qs}`);
    return {
      status: res.status,
      json: res.json,
      numbers: (res.json?.orders ?? []).map((o: Entry) => o.ingramOrderNumber),
    };
  }
  /** Every match across all pages. */
  async function searchAll(qs: string): Promise<string[]> {
    const out: string[] = [];
    for (let page = 1; ; page++) {
      const r = await search(`${qs}&pageSize=100&pageNumber=${page}`);
      if (r.status === 204) return out;
      out.push(...r.numbers);
      if (!r.json.nextPage) return out;
    }
  }
  const numbersWhere = (pred: (o: SandboxOrder) => boolean) => all.filter(pred).map((o) => o.ingramOrderNumber);

  it("answers 204 with no body when nothing matches", async () => {
    const res = await h.api("GET", "/resellers/v6/orders/search?customerOrderNumber=NO-SUCH-PO-ANYWHERE");
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
  });

  it("pages newest first with recordsFound and relative next/previous links", async () => {
    const p1 = await search(`customerOrderNumber=${F.multiPagePo.term}`);
    expect(p1.json).toMatchObject({ recordsFound: F.multiPagePo.count, pageSize: 25, pageNumber: 1 });
    expect(p1.numbers).toHaveLength(25);
    expect(p1.json.previousPage).toBeUndefined();
    expect(p1.json.nextPage).toBe(`/resellers/v6/orders/search?customerOrderNumber=${F.multiPagePo.term}&pageNumber=2`);
    const p3 = await search(`customerOrderNumber=${F.multiPagePo.term.toLowerCase()}&pageNumber=3`);
    expect(p3.numbers).toHaveLength(F.multiPagePo.count - 50);
    expect(p3.json.nextPage).toBeUndefined();
    expect(p3.json.previousPage).toContain("pageNumber=2");
    const dates = p1.json.orders.map((o: Entry) => o.ingramOrderDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    const everything = await searchAll(`customerOrderNumber=${F.multiPagePo.term}`);
    expect(new Set(everything).size).toBe(F.multiPagePo.count);
  });

  it("rejects pageSize over 100, bad dates and half ranges with 400", async () => {
    expect((await search("pageSize=101")).status).toBe(400);
    expect((await search("pageNumber=0")).status).toBe(400);
    const [year, month, day] = h.sb.fixtures.seedBaseDate.split("-");
    const date = await search(`ingramOrderDate=${month}/${day}/${year}`);
    expect(date.status).toBe(400);
    expect(date.json.errors[0].fields[0].message).toBe("input date format error expected format is - yyyy-MM-dd");
    expect((await search(`ingramOrderDate-bt=${h.sb.fixtures.seedBaseDate}`)).status).toBe(400);
    expect((await search(`shipDate_bt=${h.sb.fixtures.seedBaseDate}&shipDate_bt=${year}-13-01`)).status).toBe(400);
    expect((await search("orderStatus=OPEN")).status).toBe(400);
  });

  it("maps status filters to detail statuses and reports OPEN/CLOSED/CANCELLED", async () => {
    const onHold = await searchAll("orderStatus=ON%20HOLD");
    expect(onHold.sort()).toEqual(numbersWhere((o) => o.status === "On Hold").sort());
    expect(onHold).toContain(F.heldOrderNumbers[0]);
    const multi = await searchAll("orderStatus-in=CANCELLED&orderStatus-in=BACKORDERED");
    expect(multi.sort()).toEqual(numbersWhere((o) => o.status === "Canceled" || o.status === "Backordered").sort());
    const shipped = await search("orderStatus=SHIPPED&pageSize=100");
    expect(new Set(shipped.json.orders.map((o: Entry) => o.orderStatus))).toEqual(new Set(["CLOSED"]));
    const canceled = await search(`ingramOrderNumber=${F.canceledOrderNumber}`);
    expect(canceled.json.orders[0].orderStatus).toBe("CANCELLED");
  });

  it("filters by order date and date ranges (ingramOrderDate-bt, shipDate_bt, invoiceDate_bt, deliveryDate_bt)", async () => {
    // Two weeks well inside the 120 days the seed spreads its orders over, counted back from its base date.
    const fx = h.sb.fixtures;
    const from = ymd(h.sb.seedBaseDate - 50 * DAY_MS);
    const to = ymd(h.sb.seedBaseDate - 36 * DAY_MS);
    const range = (key: string) => `${key}=${from}&${key}=${to}`;
    const inRange = (d: string | undefined) => d !== undefined && d >= from && d <= to;
    const created = await searchAll(range("ingramOrderDate-bt"));
    expect(created.length).toBeGreaterThan(0);
    expect(created.sort()).toEqual(numbersWhere((o) => inRange(ymd(o.createdAt))).sort());
    const day = await searchAll(`ingramOrderDate=${fx.seedBaseDate}`);
    expect(day).toContain(F.heldOrderNumbers[0]);
    const ordered = await searchAll(`ingramOrderDate=${fx.shippedOrder.orderDate}`);
    expect(ordered).toContain(F.shippedOrder.orderNumber);
    const shipped = await searchAll(range("shipDate_bt"));
    expect(shipped.length).toBeGreaterThan(0);
    expect(shipped.sort()).toEqual(numbersWhere((o) => o.lines.some((l) => inRange(l.shipment?.shippedDate))).sort());
    const invoiced = await searchAll(
      `invoiceDate_bt=${fx.shippedOrder.shipDate}&invoiceDate_bt=${fx.shippedOrder.shipDate}`,
    );
    expect(invoiced).toContain(F.shippedOrder.orderNumber);
    const delivered = await searchAll(range("deliveryDate_bt"));
    expect(delivered.length).toBeGreaterThan(0);
  });

  it("filters by numbers exactly and by names partially", async () => {
    const s = F.shippedOrder;
    expect((await search(`ingramOrderNumber=${s.orderNumber}`)).numbers).toEqual([s.orderNumber]);
    expect((await search(`ingramOrderNumber=${s.subOrderNumbers[1]}`)).numbers).toEqual([s.orderNumber]);
    expect((await search(`ingramOrderNumber=${s.orderNumber.slice(0, 5)}`)).status).toBe(204);
    expect((await search(`trackingNumber=${s.trackingNumber}`)).numbers).toEqual([s.orderNumber]);
    expect((await search(`serialNumber=${s.serialNumber.toLowerCase()}`)).numbers).toEqual([s.orderNumber]);
    expect((await search(`customerOrderNumber=79123920`)).numbers).toContain(s.orderNumber);
    expect((await search(`endCustomerOrderNumber=${s.endCustomerOrderNumber}`)).numbers).toContain(s.orderNumber);
    const byPart = await searchAll(`ingramPartNumber=${s.ingramPartNumber}`);
    expect(byPart.sort()).toEqual(
      numbersWhere((o) => o.lines.some((l) => l.ingramPartNumber === s.ingramPartNumber)).sort(),
    );
    const byVpn = await searchAll(`vendorPartNumber=${encodeURIComponent(s.vendorPartNumber)}`);
    expect(byVpn.sort()).toEqual(byPart.sort());
    const byVendor = await searchAll("vendorName=cisc");
    expect(byVendor.sort()).toEqual(numbersWhere((o) => o.lines.some((l) => l.vendorName === "CISCO")).sort());
    const bid = all.find((o) => o.specialBidNumber)!;
    expect(await searchAll(`specialBidNumber=${bid.specialBidNumber}`)).toContain(bid.ingramOrderNumber);
  });

  it("combines filters (AND)", async () => {
    const both = await searchAll(`vendorName=CISCO&orderStatus=SHIPPED`);
    expect(both.sort()).toEqual(
      numbersWhere(
        (o) => (o.status === "Shipped" || o.status === "Delivered") && o.lines.some((l) => l.vendorName === "CISCO"),
      ).sort(),
    );
  });
});
