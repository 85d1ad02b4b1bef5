import { beforeAll, describe, expect, it } from "vitest";
import { indexedCount, indexedOrders } from "@/lib/order-index/index-search";
import type { OrderSearchQuery } from "@/lib/validation/search-filters";
import { useTestDatabase } from "@/tests/support/db";
import { bulkOrderNumber, fillIndexInBulk } from "@/tests/support/order-index";

// The list's count and total over all matches come from a per-account row kept by a trigger (no filter) or
// from a count cached with the index's generation (filters). Both must equal a count of the rows themselves
// after every kind of write, and paging through a sort must visit every match once, in order.

const t = useTestDatabase();
const account = { customerNumber: "20-222222", countryCode: "US" };
const N = 1_200;

interface Top {
  orderNumber: string;
  total: number | null;
  endCustomerName: string | null;
  searchText: string;
  status: string;
}

const QUERIES: [string, OrderSearchQuery, (o: Top) => boolean][] = [
  ["no filter", {}, () => true],
  ["end customer", { endCustomerName: "customer 5" }, (o) => !!o.endCustomerName?.toLowerCase().includes("customer 5")],
  ["free text", { q: "vendor 7" }, (o) => o.searchText.includes("vendor") && o.searchText.includes("7")],
  ["status", { orderStatus: "SHIPPED" }, (o) => o.status === "shipped"],
];

async function topLevel(): Promise<Top[]> {
  const rows = await t.db.indexedOrder.findMany({
    where: { ...account, parentOrderNumber: null },
    select: { orderNumber: true, total: true, endCustomerName: true, searchText: true, status: true },
  });
  return rows.map((r) => ({ ...r, total: r.total === null ? null : Number(r.total) }));
}

/** Every query's count and value, asked twice (the second may come from the cache), against the rows. */
async function expectCountsMatchRows(when: string) {
  const rows = await topLevel();
  for (const [name, q, keep] of QUERIES) {
    const matches = rows.filter(keep);
    const totals = matches.map((m) => m.total).filter((x): x is number => x !== null);
    const value = totals.length ? totals.reduce((a, b) => a + b, 0) : null;
    for (const attempt of ["first", "again"]) {
      const got = await indexedCount(t.db, account, q);
      expect(got.count, `${name} count, ${when}, ${attempt}`).toBe(matches.length);
      if (value === null) expect(got.value, `${name} value, ${when}`).toBeNull();
      else expect(got.value, `${name} value, ${when}, ${attempt}`).toBeCloseTo(value, 2);
    }
  }
}

const newRow = (orderNumber: string, total: string | null, parentOrderNumber: string | null = null) => ({
  ...account,
  orderNumber,
  parentOrderNumber,
  status: "shipped",
  endCustomerName: "BULK CUSTOMER 5",
  vendorNames: ["VENDOR 7"],
  total,
  searchText: `${orderNumber.toLowerCase()} bulk customer 5 vendor 7`,
  lastSeenAt: new Date(),
  lastSeenVia: "search",
});

beforeAll(async () => {
  await fillIndexInBulk(t.db, N);
});

describe("counts and totals across pages", () => {
  it("equal a count of the rows after inserts, total changes, sub-orders, deletes and a truncate", async () => {
    await expectCountsMatchRows("after the bulk fill");
    await t.db.indexedOrder.create({ data: newRow("91-NEW1", "10.50") });
    await t.db.indexedOrder.create({ data: newRow("91-NEW2", null) });
    await expectCountsMatchRows("after inserts");
    await t.db.indexedOrder.create({ data: newRow("91-NEW1-11", "999.00", "91-NEW1") });
    await expectCountsMatchRows("after a sub-order (not a match of its own)");
    await t.db.indexedOrder.update({
      where: { customerNumber_countryCode_orderNumber: { ...account, orderNumber: "91-NEW2" } },
      data: { total: "20.25" },
    });
    await t.db.indexedOrder.updateMany({ where: { orderNumber: bulkOrderNumber(5) }, data: { total: null } });
    await t.db.indexedOrder.updateMany({ where: { orderNumber: bulkOrderNumber(6) }, data: { status: "shipped" } });
    await expectCountsMatchRows("after updates");
    await t.db.indexedOrder.updateMany({ where: { orderNumber: "91-NEW1-11" }, data: { parentOrderNumber: null } });
    await expectCountsMatchRows("after a sub-order became an order");
    await t.db.indexedOrder.deleteMany({ where: { orderNumber: { in: ["91-NEW1", bulkOrderNumber(7)] } } });
    await t.db.$executeRaw`DELETE FROM order_index WHERE order_number = ${bulkOrderNumber(8)}`;
    await expectCountsMatchRows("after deletes");
    await t.db.$executeRaw`TRUNCATE order_index`;
    await expectCountsMatchRows("after a truncate");
    await fillIndexInBulk(t.db, N);
    await expectCountsMatchRows("after filling again");
  });

  it.each([
    ["total", "desc"],
    ["total", "asc"],
    ["endCustomerName", "asc"],
    ["vendorName", "desc"],
    ["status", "desc"],
    ["orderNumber", "asc"],
    ["orderDate", "desc"],
  ] as const)("paging by %s %s visits every match once, in order, nulls last", async (sort, dir) => {
    const q: OrderSearchQuery = { endCustomerName: "customer 1", sort, dir };
    const { count } = await indexedCount(t.db, account, q);
    const seen: { orderNumber: string; total: number | null }[] = [];
    for (let offset = 0; offset < count; offset += 50)
      seen.push(...(await indexedOrders(t.db, account, q, 50, offset)));
    expect(seen).toHaveLength(count);
    expect(new Set(seen.map((o) => o.orderNumber)).size).toBe(count);
    if (sort === "total") {
      const totals = seen.map((o) => o.total);
      const firstNull = totals.indexOf(null);
      if (firstNull >= 0) expect(totals.slice(firstNull).every((x) => x === null)).toBe(true);
      const valued = totals.filter((x): x is number => x !== null);
      expect(valued).toEqual([...valued].sort((a, b) => (dir === "asc" ? a - b : b - a)));
    }
  });
});
