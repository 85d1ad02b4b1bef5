// `npm run bench:index`: figures for the order index, printed, not asserted (the vitest suites assert the
// Ingram call counts). The database runs in a child process (tests/bench/db-child.ts) so this process's
// memory is the portal's own.
//   1. The list page's data (searchOrders, as /orders loads it) over 600 and over 10,000 indexed orders, same
//      run: median per view and the ratio 10,000 / 600 (target ≤ 1.5x).
//   2. A CSV export of 10,000 indexed orders: Ingram calls (target 0) and memory growth while streaming
//      (target ≤ 50 MB), sampled every 20 ms.
import { join } from "node:path";
import type { Actor } from "@/lib/authz";
import { createDb, installDb } from "@/lib/db";
import { migrate } from "@/lib/database/apply-migrations";
import { createIngramClient, setIngram } from "@/lib/ingram/client";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, startSandbox } from "@/lib/ingram/sandbox/start-sandbox";
import { exportOrders } from "@/lib/orders/export-orders";
import { searchOrders } from "@/lib/orders/search-orders";
import type { OrderSearchQuery } from "@/lib/validation/search-filters";
import { fillIndexInBulk } from "@/tests/support/order-index";
import { ROOT, spawnTs, stopAll } from "./children";
import { mb, ms, percentile, printTable, ratio, type Row } from "./report";

const SMALL = 600;
const LARGE = 10_000;
const ROUNDS = 15;
const VIEWS: [string, OrderSearchQuery][] = [
  ["default (newest first)", { pageSize: 25 }],
  ["sort total desc", { pageSize: 25, sort: "total", dir: "desc" }],
  ["sort end customer, page 10", { pageSize: 25, sort: "endCustomerName", pageNumber: 10 }],
  ["free text", { pageSize: 25, q: "vendor 7" }],
  ["end customer filter", { pageSize: 50, endCustomerName: "customer 4" }],
];
const actor: Actor = { id: "bench", email: "bench@bench.local", name: null, role: "viewer" };

async function timeViews(): Promise<number[]> {
  const medians: number[] = [];
  for (const [, query] of VIEWS) {
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      await searchOrders(actor, query);
      times.push(performance.now() - t0);
    }
    medians.push(percentile(times.slice(2), 50));
  }
  return medians;
}

async function main() {
  // BENCH_DATABASE_URL: an empty PostgreSQL database to measure on instead of the embedded one (migrated here).
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) await migrate(pgUrl);
  const url =
    pgUrl ??
    (
      JSON.parse(
        await spawnTs("database", join(ROOT, "tests/bench/db-child.ts"), [], { NODE_ENV: "development" }).waitFor(
          /^BENCH_DB (.+)$/,
          60_000,
        ),
      ) as { url: string }
    ).url;
  console.log(`database: ${pgUrl ? "PostgreSQL (BENCH_DATABASE_URL)" : "embedded PGlite"}`);
  const db = createDb(url, pgUrl ? 10 : 1);
  installDb(db);
  const sandbox = await startSandbox({ port: 0, rateLimitPerMinute: null });
  setIngram(
    createIngramClient({
      baseUrl: sandbox.url,
      tokenUrl: sandbox.tokenUrl,
      clientId: SANDBOX_CLIENT_ID,
      clientSecret: SANDBOX_CLIENT_SECRET,
      customerNumber: "20-222222",
      countryCode: "US",
      senderId: "orderdesk-bench",
    }),
  );
  try {
    await fillIndexInBulk(db, SMALL);
    await db.$executeRawUnsafe("ANALYZE order_index");
    await timeViews(); // warm-up: query plans, JIT, connection
    const small = await timeViews();
    await db.indexedOrder.deleteMany();
    await fillIndexInBulk(db, LARGE);
    await db.$executeRawUnsafe("ANALYZE order_index");
    await timeViews(); // the same warm-up for the larger index (hint bits, plans)
    const large = await timeViews();
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const listRatio = sum(large) / sum(small);
    const rows: Row[] = VIEWS.map(([name], i) => ({
      section: "list page data",
      figure: name,
      value: `${ms(small[i]!)} → ${ms(large[i]!)} (${ratio(large[i]!, small[i]!)})`,
    }));
    rows.push({
      section: "list page data",
      figure: `all views, ${LARGE} / ${SMALL} orders`,
      value: ratio(sum(large), sum(small)),
      target: "≤ 1.50x",
      pass: listRatio <= 1.5,
    });

    global.gc?.();
    const callsBefore = Object.values(sandbox.stats.toJSON().counts).reduce((a, b) => a + b, 0);
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    const csv = await exportOrders(actor, {});
    let csvRows = -1;
    let bytes = 0;
    for await (const line of csv.lines) {
      csvRows++;
      bytes += line.length;
    }
    clearInterval(sampler);
    const calls = Object.values(sandbox.stats.toJSON().counts).reduce((a, b) => a + b, 0) - callsBefore;
    const growth = peakRss - base.rss;
    rows.push(
      { section: "CSV export", figure: `rows (${mb(bytes)} of CSV)`, value: String(csvRows) },
      { section: "CSV export", figure: "Ingram calls", value: String(calls), target: "0", pass: calls === 0 },
      {
        section: "CSV export",
        figure: "memory growth while streaming (RSS)",
        value: `${mb(growth)} (heap ${mb(peakHeap - base.heapUsed)})`,
        target: "≤ 50 MB",
        pass: growth <= 50 * 1024 * 1024,
      },
    );
    printTable(rows);
    if (rows.some((r) => r.pass === false) || csvRows !== LARGE) process.exitCode = 1;
  } finally {
    await db.$disconnect();
    await sandbox.close();
    setIngram(undefined);
    await stopAll();
  }
}

await main();
