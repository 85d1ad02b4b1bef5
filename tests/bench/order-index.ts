// `npm run bench:index`: figures for the order index, printed, not asserted (the vitest suites assert the
// Ingram call counts). The databases run in child processes (tests/bench/db-child.ts) so this process's
// memory is the portal's own.
//   1. The list page's data (searchOrders, as /orders loads it) over 600 and over 10,000 indexed orders, in two
//      databases measured in turn (round by round, so that the machine's load falls on both alike): the median
//      per view and the ratio 10,000 / 600 (target ≤ 1.5x), twice: a page view whose filters were counted
//      since the index last changed (paging, re-sorting, coming back), and the first view after one order
//      changed in the index (the count is brought up to date from the logged change; see
//      lib/order-index/match-counts.ts).
//   2. A CSV export of 10,000 indexed orders: Ingram calls (target 0) and memory growth while streaming
//      (target ≤ 50 MB), sampled every 20 ms.
import { join } from "node:path";
import type { Actor } from "@/lib/authz";
import { createDb, type Db, installDb } from "@/lib/db";
import { migrate } from "@/lib/database/apply-migrations";
import { createIngramClient, setIngram } from "@/lib/ingram/client";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, startSandbox } from "@/lib/ingram/sandbox/start-sandbox";
import { exportOrders } from "@/lib/orders/export-orders";
import { searchOrders } from "@/lib/orders/search-orders";
import type { OrderSearchQuery } from "@/lib/validation/search-filters";
import { bulkOrderNumber, fillIndexInBulk } from "@/tests/support/order-index";
import { ROOT, spawnTs, stopAll } from "./children";
import { mb, ms, percentile, printTable, ratio, type Row } from "./report";

const SMALL = 600;
const LARGE = 10_000;
/** BENCH_ROUNDS: rounds per view and size (default 40); the first 3 are warm-up and not counted. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const WARMUP = 3;
const VIEWS: [string, OrderSearchQuery][] = [
  ["default (newest first)", { pageSize: 25 }],
  ["sort total desc", { pageSize: 25, sort: "total", dir: "desc" }],
  ["sort end customer, page 10", { pageSize: 25, sort: "endCustomerName", pageNumber: 10 }],
  ["free text", { pageSize: 25, q: "vendor 7" }],
  ["end customer filter", { pageSize: 50, endCustomerName: "customer 4" }],
];
const actor: Actor = { id: "bench", email: "bench@bench.local", name: null, role: "viewer" };

type Timings = Record<"counted" | "afterWrite", number[][]>;

/** Times every view on each database in turn; `afterWrite` first records a write to that index. */
async function timeViews(dbs: Db[]): Promise<Timings[]> {
  const out: Timings[] = dbs.map(() => ({
    counted: VIEWS.map(() => []),
    afterWrite: VIEWS.map(() => []),
  }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [v, [, query]] of VIEWS.entries()) {
      for (const [d, client] of dbs.entries()) {
        installDb(client);
        // One order changes, as the sync, a webhook or a buyer's change writes it: a new status and total.
        await client.$executeRaw`UPDATE order_index SET
            status = CASE WHEN status = 'shipped' THEN 'processing' ELSE 'shipped' END, total = total + 1
          WHERE order_number = ${bulkOrderNumber((round * VIEWS.length + v) % 500)}`;
        let t0 = performance.now();
        await searchOrders(actor, query);
        const afterWrite = performance.now() - t0;
        t0 = performance.now();
        await searchOrders(actor, query);
        const counted = performance.now() - t0;
        if (round < WARMUP) continue;
        out[d]!.afterWrite[v]!.push(afterWrite);
        out[d]!.counted[v]!.push(counted);
      }
    }
  }
  return out;
}

async function embeddedDb(name: string): Promise<string> {
  const ready = spawnTs(name, join(ROOT, "tests/bench/db-child.ts"), [], { NODE_ENV: "development" });
  return (JSON.parse(await ready.waitFor(/^BENCH_DB (.+)$/, 60_000)) as { url: string }).url;
}

/** BENCH_DATABASE_URL, BENCH_DATABASE_URL_2: two empty PostgreSQL databases to measure on (migrated here). */
async function databases(): Promise<{ urls: [string, string]; pg: boolean }> {
  const a = process.env.BENCH_DATABASE_URL;
  const b = process.env.BENCH_DATABASE_URL_2;
  if (a && b) {
    await migrate(a);
    await migrate(b);
    return { urls: [a, b], pg: true };
  }
  return { urls: [await embeddedDb("database 600"), await embeddedDb("database 10000")], pg: false };
}

const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
const medians = (t: number[][]) => t.map((xs) => percentile(xs, 50));

async function main() {
  const { urls, pg } = await databases();
  console.log(`databases: ${pg ? "PostgreSQL (BENCH_DATABASE_URL, BENCH_DATABASE_URL_2)" : "embedded PGlite"}`);
  const small = createDb(urls[0], pg ? 10 : 1);
  const large = createDb(urls[1], pg ? 10 : 1);
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
    await fillIndexInBulk(small, SMALL);
    await fillIndexInBulk(large, LARGE);
    for (const client of [small, large]) await client.$executeRawUnsafe("ANALYZE order_index");
    const [s, l] = await timeViews([small, large]);
    const rows: Row[] = [];
    for (const [kind, label] of [
      ["counted", "filters counted since the last write"],
      ["afterWrite", "first view after a write"],
    ] as const) {
      const a = medians(s![kind]);
      const b = medians(l![kind]);
      const section = `list: ${label}`;
      VIEWS.forEach(([name], i) =>
        rows.push({ section, figure: name, value: `${ms(a[i]!)} → ${ms(b[i]!)} (${ratio(b[i]!, a[i]!)})` }),
      );
      rows.push({
        section,
        figure: `all views, ${LARGE} / ${SMALL} orders (${ROUNDS - WARMUP} rounds)`,
        value: ratio(sum(b), sum(a)),
        target: "≤ 1.50x",
        pass: sum(b) / sum(a) <= 1.5,
      });
    }
    installDb(large);

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
    await small.$disconnect();
    await large.$disconnect();
    await sandbox.close();
    setIngram(undefined);
    await stopAll();
  }
}

await main();
