// `npx tsx -C react-server tests/bench/sync-backfill.ts [--orders=10000] [--share=20] [--db=postgresql://…]`
// The order-index sync's first full pass over a sandbox of N orders (default 10,000; 90 days of history).
// Virtual minutes (a bench-only setting): the sandbox's 60-a-minute limiter, its per-minute counts, the portal's
// shared budget (PgBudget on the bench database, as `npm start` installs it) and the sync all run on the
// sandbox's clock, which jumps forward only while every sync loop sleeps. Real work takes no Ingram time, so
// the ~9 Ingram hours of a 10,000-order pass at 20 details a minute take minutes of real time, while every
// limit is enforced and counted per (virtual) minute exactly as it would be in real ones.
// Prints: orders indexed of Ingram's estimate and Ingram minutes taken; the most calls Ingram saw in any minute
// per endpoint (all callers, limit 60) and the sync's own (limit: its share); budget refusals of the sync
// (target 0); the list page's data (searchOrders) meanwhile: answered without a refusal, and its latency during
// the backfill against the same reads with the sync idle (ratio); progress as the admin panel reads it
// (readSyncStatus), sampled, and whether it only went forward. Exit status 1 when a limit or target is broken.
// Without --db: an in-memory embedded database.
import type { Actor } from "@/lib/authz";
import { createDb, installDb } from "@/lib/db";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { migrate } from "@/lib/database/apply-migrations";
import { budgetLimits } from "@/lib/ingram/call-policy";
import { createIngramClient, type IngramClient, setIngram } from "@/lib/ingram/client";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { PgBudget } from "@/lib/ingram-budget/pg-budget";
import { searchOrders } from "@/lib/orders/search-orders";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, startSandbox } from "@/lib/ingram/sandbox/start-sandbox";
import { indexedCount, indexedOrders } from "@/lib/order-index/index-search";
import { readSyncStatus, type SyncStatus } from "@/lib/order-index/sync-status";
import { startSync } from "@/lib/order-index/sync-runner";

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const ORDERS = Number(arg("orders", "10000"));
const SHARE = Number(arg("share", "20"));
const MAX_REAL_S = Number(arg("max-seconds", "900"));
// A bounded slice: stop after this many Ingram minutes and report the rates (0: run the whole pass). A
// 10,000-order pass is ~500 Ingram minutes of details at 20 a minute; a slice of 20 shows the search pass, the
// details' steady rate and every per-minute limit, and projects the rest.
const SLICE_MIN = Number(arg("minutes", ORDERS > 2000 ? "20" : "0"));
const account = { customerNumber: "20-222222", countryCode: "US" };

const embedded = arg("db", "") ? null : await startEmbeddedPostgres();
const url = embedded?.url ?? arg("db", "");
await migrate(url);
const db = createDb(url, embedded ? 1 : 10);
installDb(db);
const sb = await startSandbox({ port: 0, orderCount: ORDERS, rateLimitPerMinute: 60 });
const budget = new PgBudget(db, budgetLimits());
const client = createIngramClient({
  baseUrl: sb.url,
  tokenUrl: sb.tokenUrl,
  clientId: SANDBOX_CLIENT_ID,
  clientSecret: SANDBOX_CLIENT_SECRET,
  customerNumber: account.customerNumber,
  countryCode: account.countryCode,
  senderId: "orderdesk-bench",
  budget,
  now: () => sb.clock.now(),
});
setIngram(client);
const viewer: Actor = { id: "bench-viewer", email: "viewer@bench.local", name: null, role: "viewer" };

const listMs: number[] = [];
const probes: { minute: number; ok: boolean; source: string }[] = [];
const progress: SyncStatus[] = [];
let lastProbe = 0;
const VIEW = { sort: "total", dir: "desc", pageSize: 25 } as const;
/**
 * A person's view of the list as /orders loads it (sorted by total): answered or refused, and from where (live
 * from Ingram until the first full pass covers the account, then the index). Its latency is taken on the index
 * page's own reads (rows and count, what the page runs once covered), so that busy and idle compare alike.
 */
async function listView(): Promise<{ ms: number; ok: boolean; source: string }> {
  let source: string;
  let ok = true;
  try {
    source = (await searchOrders(viewer, VIEW)).source ?? "?";
  } catch (err) {
    ok = false;
    source = err instanceof IngramError ? err.kind : "error";
  }
  const t0 = performance.now();
  await Promise.all([indexedOrders(db, account, VIEW, 25, 0), indexedCount(db, account, VIEW)]);
  return { ms: performance.now() - t0, ok, source };
}
async function probe(): Promise<void> {
  const minute = Math.floor(sb.clock.now() / 60_000);
  if (minute === lastProbe) return;
  lastProbe = minute;
  const v = await listView();
  listMs.push(v.ms);
  probes.push({ minute, ok: v.ok, source: v.source });
  if (minute % 10 === 0) progress.push(await readSyncStatus(db, account, sb.clock.now()));
}

/** The sync's client, counting the calls the shared budget refused it (it should wait for its share instead). */
let syncRefused = 0;
const syncClient: IngramClient = {
  ...client,
  searchOrders: (...a) => client.searchOrders(...a).catch(countRefusal),
  getOrder: (...a) => client.getOrder(...a).catch(countRefusal),
};
function countRefusal(err: unknown): never {
  if (err instanceof IngramError && err.kind === "budget") syncRefused++;
  throw err;
}

// Virtual time: the sandbox clock jumps to the earliest wake-up only when every sync loop sleeps (search,
// details, order requests: lib/order-index/sync-runner.ts), so real work (a search page, a details read, index
// writes) takes no Ingram time and Ingram minutes are counted fairly. Counting fewer loops than run lets the
// clock jump while one still works, which shows as a sync far slower than its share.
const LOOPS = 3;
const sleepers = new Set<{ at: number; wake: () => void }>();
let sleeps = 0;
function advance(): void {
  if (sleepers.size < LOOPS) return;
  setImmediate(() => {
    if (sleepers.size < LOOPS) return;
    const at = Math.min(...[...sleepers].map((s) => s.at));
    if (at > sb.clock.now()) sb.clock.advance(at - sb.clock.now());
    for (const s of [...sleepers]) if (s.at <= sb.clock.now()) s.wake();
  });
}
function virtualSleep(ms: number, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const entry = {
      at: sb.clock.now() + ms,
      wake: () => {
        sleepers.delete(entry);
        signal.removeEventListener("abort", onAbort);
        if (++sleeps % 10 === 0) void probe().then(resolve, resolve);
        else resolve();
      },
    };
    const onAbort = () => {
      sleepers.delete(entry);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    sleepers.add(entry);
    advance();
  });
}
const started = performance.now();
const runner = startSync({
  db,
  account,
  lockUrl: null,
  client: () => syncClient,
  historyDays: 90,
  callsPerMinute: SHARE,
  recentMs: 60_000,
  activeRefreshMs: 15 * 60_000,
  finalRefreshMs: 86_400_000,
  fullPassMs: 86_400_000,
  errorBackoffMs: 5_000,
  clock: { now: () => sb.clock.now(), sleep: virtualSleep },
});

const startClock = sb.clock.now();
let status = await readSyncStatus(db, account, sb.clock.now());
let ticks = 0;
const sliceOver = () => SLICE_MIN > 0 && sb.clock.now() - startClock >= SLICE_MIN * 60_000;
while (!status.lastFullPassAt && !sliceOver() && performance.now() - started < MAX_REAL_S * 1000) {
  await new Promise((r) => setTimeout(r, 1000));
  status = await readSyncStatus(db, account, sb.clock.now());
  if (++ticks % 15 === 0)
    console.log(`  indexed ${status.indexed} of about ${status.estimatedTotal ?? "?"}, details ${status.detailed}`);
}
await runner.stop();
const realS = (performance.now() - started) / 1000;

// The same list view with the sync idle: the index now covers the account, as it does from here on.
const idleMs: number[] = [];
for (let i = 0; i < Math.max(20, Math.min(listMs.length, 200)); i++) idleMs.push((await listView()).ms);

const minutes = sb.stats.perMinute();
const maxAll = (op: "search" | "get") => Math.max(0, ...minutes.map((m) => m.counts[op] ?? 0));
const syncMinutes = new Map<number, { search: number; get: number }>();
for (const r of sb.stats.requests) {
  if (r.op !== "search" && r.op !== "get") continue;
  // Probes search with the viewer's page filters (pageSize 25); the sync searches pages of 100.
  const own = r.op === "get" || r.query.some(([k, v]) => k === "pageSize" && v === "100");
  if (!own) continue;
  const m = Math.floor(r.at / 60_000);
  const c = syncMinutes.get(m) ?? { search: 0, get: 0 };
  c[r.op]++;
  syncMinutes.set(m, c);
}
const maxSync = (op: "search" | "get") => Math.max(0, ...[...syncMinutes.values()].map((c) => c[op]));
const ingramMin = Math.max(1, (sb.clock.now() - startClock) / 60_000);
const searches = [...syncMinutes.values()].reduce((a, c) => a + c.search, 0);
const projectedH = (status.estimatedTotal ?? ORDERS) / Math.max(0.1, status.detailed / ingramMin) / 60;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const refused = probes.filter((p) => !p.ok).length;
const forward = progress.every(
  (p, i) => i === 0 || (p.indexed >= progress[i - 1]!.indexed && p.detailed >= progress[i - 1]!.detailed),
);
const busyRatio = median(listMs) / median(idleMs);

console.log(`
sync backfill of a ${ORDERS}-order sandbox (90 days of history; share ${SHARE}/min per endpoint; Ingram's limit 60)
  indexed          ${status.indexed} of about ${status.estimatedTotal ?? "?"} (details for ${status.detailed})
  full pass        ${status.lastFullPassAt ? "finished" : SLICE_MIN && sliceOver() ? `a slice of ${SLICE_MIN} Ingram minutes` : "NOT finished"} in ${ingramMin.toFixed(0)} Ingram minutes, ${realS.toFixed(0)} s real
  rates            ${(status.detailed / ingramMin).toFixed(1)} details and ${(searches / ingramMin).toFixed(1)} search pages per Ingram minute${status.lastFullPassAt ? "" : `; the whole pass projects to ${projectedH.toFixed(1)} Ingram hours`}
  Ingram saw       at most ${maxAll("search")} searches and ${maxAll("get")} details in any minute (limit 60)
  the sync made    at most ${maxSync("search")} searches and ${maxSync("get")} details in any minute (share ${SHARE}); refused by the budget ${syncRefused} times (target 0)
  list meanwhile   ${probes.length - refused}/${probes.length} views answered (${probes.filter((p) => p.source === "index").length} from the index, ${probes.filter((p) => p.source === "ingram").length} live while the index was filling)
  index page reads median ${median(listMs).toFixed(1)} ms during the backfill, ${median(idleMs).toFixed(1)} ms idle (${busyRatio.toFixed(2)}x)
  progress         ${progress.map((p) => `${p.indexed}/${p.estimatedTotal ?? "?"}:${p.detailed}`).join(" ")} (indexed/estimate:details every 10 Ingram minutes; ${forward ? "only forward" : "WENT BACK"})`);

await sb.close();
await db.$disconnect();
await embedded?.close();
const ok =
  (status.lastFullPassAt || (SLICE_MIN > 0 && sliceOver() && status.detailed > 0)) &&
  maxAll("search") <= 60 &&
  maxAll("get") <= 60 &&
  maxSync("search") <= SHARE &&
  maxSync("get") <= SHARE &&
  syncRefused === 0 &&
  refused === 0 &&
  forward;
process.exit(ok ? 0 : 1);
