import { beforeAll, describe, expect, it } from "vitest";
import { createDb, hotQuery } from "@/lib/db";
import { indexCoverage, indexedCount, indexedOrders, indexListView } from "@/lib/order-index/index-search";
import type { OrderSearchQuery } from "@/lib/validation/search-filters";
import { Prisma } from "@/prisma/generated/client/client";
import { testDbKind, useTestDatabase } from "@/tests/support/db";
import { bulkOrderNumber, fillIndexInBulk, markFullPassDone } from "@/tests/support/order-index";

// The list's count and total over all matches come from a per-account row kept by a trigger (no filter) or
// from a count cached with the index's generation and brought up to date from the changes logged since
// (filters). Both must equal a count of the rows themselves after every kind of write, and paging through a
// sort must visit every match once, in order.

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
    await t.db.indexedOrder.updateMany({ where: { orderNumber: "91-NEW1-11" }, data: { orderNumber: "91-MOVED" } });
    await t.db.indexedOrder.updateMany({
      where: { orderNumber: bulkOrderNumber(9) },
      data: { endCustomerName: "Customer 5 Renamed", searchText: "customer 5 renamed vendor 7" },
    });
    await expectCountsMatchRows("after an order number and an end customer changed");
    await t.db.$transaction([
      t.db.indexedOrder.create({ data: newRow("91-TX1", "1.00") }),
      t.db.indexedOrder.updateMany({ where: { orderNumber: "91-TX1" }, data: { total: "2.00", status: "on_hold" } }),
      t.db.indexedOrder.deleteMany({ where: { orderNumber: bulkOrderNumber(10) } }),
    ]);
    await expectCountsMatchRows("after one transaction inserted, changed and deleted");
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

describe("a list view in one statement", () => {
  it("reads no page while the index does not cover the account", async () => {
    await t.db.syncState.deleteMany({ where: account });
    const view = await indexListView(t.db, account, {}, 25, 0);
    expect(view).toMatchObject({ covered: false, orders: [] });
    expect(view.lastIndexedAt).not.toBeNull();
  });

  it.each([
    ["the default view", {}, 25, 0],
    ["a sort, a later page", { sort: "total", dir: "asc" }, 25, 50],
    ["a filter", { endCustomerName: "customer 1", sort: "vendorName", dir: "desc" }, 50, 0],
    ["a filter nothing matches", { q: "no such order anywhere" }, 25, 0],
  ] as const)("answers %s as the coverage and the page do apart", async (_name, q, limit, offset) => {
    await markFullPassDone(t.db);
    const view = await indexListView(t.db, account, q, limit, offset);
    const orders = await indexedOrders(t.db, account, q, limit, offset);
    expect(view.orders).toEqual(orders);
    if (!("q" in q)) expect(orders.length).toBeGreaterThan(0);
    const { orders: _o, ...coverage } = view;
    expect(coverage).toEqual(await indexCoverage(t.db, account));
    expect(coverage.covered).toBe(true);
  });

  const generationNow = async () =>
    (await t.db.$queryRaw<{ g: string }[]>`SELECT generation::text AS g FROM order_index_generation`)[0]!.g;
  const rowOf = (orderNumber: string) => ({ customerNumber_countryCode_orderNumber: { ...account, orderNumber } });

  it("keeps a page while the index's generation holds, and reads it again once a write changes what it shows", async () => {
    await markFullPassDone(t.db);
    const q: OrderSearchQuery = { sort: "orderNumber", dir: "desc" };
    const view = await indexListView(t.db, account, q, 25, 0);
    const [a, b] = view.orders.map((o) => o.orderNumber) as [string, string];
    // Written with the triggers off (no generation raised): a page read again would show it, a kept one cannot.
    await t.db.$transaction([
      t.db.$executeRaw`SET LOCAL session_replication_role = replica`,
      t.db.indexedOrder.update({ where: rowOf(a), data: { customerOrderNumber: "KEPT-UNSEEN" } }),
    ]);
    const kept = await indexListView(t.db, account, q, 25, 0);
    expect(kept.orders).toEqual(view.orders);
    expect(Object.isFrozen(kept.orders) && Object.isFrozen(kept.orders[0]?.subOrders)).toBe(true);
    expect(() => (kept.orders[0]!.orderNumber = "X")).toThrow(TypeError);
    // A row only seen again raises nothing, keeps the page, and still moves the view's "as of".
    const g = await generationNow();
    const seenAt = new Date(Date.now() + 60_000);
    await t.db.indexedOrder.update({ where: rowOf(b), data: { lastSeenAt: seenAt, lastSeenVia: "search" } });
    expect(await generationNow()).toBe(g);
    const seen = await indexListView(t.db, account, q, 25, 0);
    expect(seen.orders).toEqual(view.orders);
    expect(seen.lastIndexedAt).toEqual(seenAt);
    // A filterable column written as the app writes: the page is read again, with both changes.
    await t.db.indexedOrder.update({ where: rowOf(b), data: { customerOrderNumber: "PO-CHANGED" } });
    const changed = await indexListView(t.db, account, q, 25, 0);
    expect(changed.orders.slice(0, 2).map((o) => o.customerOrderNumber)).toEqual(["KEPT-UNSEEN", "PO-CHANGED"]);
    expect(changed.orders).toEqual(await indexedOrders(t.db, account, q, 25, 0));
    // Only what the list shows, no filterable column: the generation rises, nothing is logged, the page follows.
    const logged = await t.db.indexChange.count();
    await t.db.indexedOrder.update({
      where: rowOf(a),
      data: { detail: { vendorSalesOrderNumber: "VSO-SHOWN" }, detailFetchedAt: new Date() },
    });
    expect(BigInt(await generationNow())).toBeGreaterThan(BigInt(g));
    expect(await t.db.indexChange.count()).toBe(logged);
    const shown = await indexListView(t.db, account, q, 25, 0);
    expect(shown.orders[0]?.vendorSalesOrderNumber).toBe("VSO-SHOWN");
    expect(shown.orders).toEqual(await indexedOrders(t.db, account, q, 25, 0));
    // Another page, filter or sort is kept apart.
    expect((await indexListView(t.db, account, { ...q, dir: "asc" }, 25, 0)).orders).toEqual(
      await indexedOrders(t.db, account, { ...q, dir: "asc" }, 25, 0),
    );
    await t.db.indexedOrder.update({
      where: rowOf(a),
      data: { customerOrderNumber: view.orders[0]!.customerOrderNumber, detail: Prisma.DbNull, detailFetchedAt: null },
    });
    await t.db.indexedOrder.update({
      where: rowOf(b),
      data: { customerOrderNumber: view.orders[1]!.customerOrderNumber },
    });
    expect((await indexListView(t.db, account, q, 25, 0)).orders).toEqual(view.orders);
  });
});

describe("a cached count brought up to date from the logged changes", () => {
  const q: OrderSearchQuery = { q: "vendor 7" };
  const generation = async () =>
    (
      await t.db.$queryRaw<{ g: string; p: string }[]>`
      SELECT generation::text AS g, pruned_through::text AS p FROM order_index_generation`
    )[0]!;

  it("adds what a logged write changed, and only that: a row written past the log is not counted", async () => {
    const before = await indexedCount(t.db, account, q);
    // Written with the triggers off (a superuser's replication role): no generation, no log. A count taken
    // afresh would see it; one brought up to date from the log cannot, which shows which of the two ran.
    await t.db.$transaction([
      t.db.$executeRaw`SET LOCAL session_replication_role = replica`,
      t.db.indexedOrder.create({ data: newRow("92-UNLOGGED", "5.00") }),
    ]);
    expect((await indexedCount(t.db, account, q)).count).toBe(before.count);
    await t.db.indexedOrder.create({ data: newRow("92-LOGGED", "7.25") });
    const after = await indexedCount(t.db, account, q);
    expect(after.count).toBe(before.count + 1);
    expect(after.value).toBeCloseTo((before.value ?? 0) + 7.25, 2);
    await t.db.indexedOrder.deleteMany({ where: { orderNumber: "92-LOGGED" } });
    await t.db.$transaction([
      t.db.$executeRaw`SET LOCAL session_replication_role = replica`,
      t.db.indexedOrder.deleteMany({ where: { orderNumber: "92-UNLOGGED" } }),
    ]);
  });

  it("a write that changes no filterable column logs nothing; one that changes nothing the list shows raises nothing", async () => {
    const g = await generation();
    const logged = await t.db.indexChange.count();
    await t.db.indexedOrder.updateMany({
      where: { orderNumber: bulkOrderNumber(11) },
      data: { lastSeenAt: new Date(), lastSeenVia: "details", summaryFetchedAt: new Date() },
    });
    expect(await generation()).toEqual(g);
    expect(await t.db.indexChange.count()).toBe(logged);
    // A detail body is shown (whether there is one, its vendor sales order number): the generation rises.
    await t.db.indexedOrder.updateMany({
      where: { orderNumber: bulkOrderNumber(11) },
      data: { detail: { seen: true } },
    });
    expect(BigInt((await generation()).g)).toBe(BigInt(g.g) + 1n);
    expect(await t.db.indexChange.count()).toBe(logged);
  });

  it("counts afresh once the log was pruned past the cached count, and the log keeps ten minutes", async () => {
    await indexedCount(t.db, account, q);
    await t.db.indexedOrder.create({ data: newRow("92-OLD", "3.00") });
    await t.db.$executeRaw`UPDATE order_index_changes SET at = now() - interval '11 minutes'`;
    await t.db.indexedOrder.create({ data: newRow("92-NEWER", "4.00") });
    expect(await t.db.indexChange.count()).toBe(1);
    const g = await generation();
    expect(BigInt(g.p)).toBeGreaterThan(0n);
    expect(BigInt(g.p)).toBeLessThan(BigInt(g.g));
    await expectCountsMatchRows("after the log was pruned");
  });

  // Generations follow commit order: a count read while another transaction's write is in flight holds a
  // generation below that write's, so the write is added once it commits, never lost or added twice.
  it.runIf(testDbKind() === "postgres")("a write in flight while counting is added once it commits", async () => {
    const before = await indexedCount(t.db, account, q);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const inFlight = new Promise<void>((resolve) => (written = resolve));
    const writer = t.db.$transaction(async (tx) => {
      await tx.indexedOrder.create({ data: newRow("93-INFLIGHT", "6.00") });
      written();
      await held;
    });
    await inFlight;
    expect((await indexedCount(t.db, account, q)).count).toBe(before.count);
    // A second writer waits on the first's generation lock and commits after it.
    const second = t.db.indexedOrder.create({ data: newRow("93-CONCURRENT", "1.00") });
    expect((await indexedCount(t.db, account, q)).count).toBe(before.count);
    release();
    await Promise.all([writer, second]);
    expect((await indexedCount(t.db, account, q)).count).toBe(before.count + 2);
    await expectCountsMatchRows("after a concurrent write committed");
  });
});

describe("the list page's statement on PostgreSQL", () => {
  it.runIf(t.kind === "postgres")(
    "keeps one plan for the unfiltered first page instead of planning every view",
    async () => {
      const d = createDb(t.url, 2);
      try {
        await d.$executeRawUnsafe("ANALYZE order_index");
        await markFullPassDone(d);
        const first = await indexedOrders(d, account, {}, 25, 0);
        for (let i = 0; i < 7; i++) {
          expect(await indexedOrders(d, account, {}, 25, 0)).toEqual(first);
          expect((await indexListView(d, account, {}, 25, 0)).orders).toEqual(first);
        }
        // Sequential reads take the pool's most recently idle connection: the one that prepared the page.
        const plans = await hotQuery<{ generic: number; custom: number }>(d, {
          text: `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements
          WHERE statement LIKE '%json_agg%' AND statement NOT LIKE '%pg_prepared_statements%'`,
          values: [],
        });
        // The page alone (indexedOrders) and the list view with the coverage (indexListView).
        expect(plans).toHaveLength(2);
        for (const plan of plans) {
          expect(plan.generic).toBeGreaterThan(0);
          expect(plan.custom).toBeLessThanOrEqual(5);
        }
        // A later page keeps its parameters (one statement for every offset) and answers the next 25.
        const second = await indexedOrders(d, account, {}, 25, 25);
        expect(second.map((o) => o.orderNumber)).toEqual(
          (await indexedOrders(d, account, {}, 50, 0)).slice(25).map((o) => o.orderNumber),
        );
      } finally {
        await d.$disconnect();
      }
    },
  );
});
