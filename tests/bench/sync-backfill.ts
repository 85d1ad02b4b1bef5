// `npx tsx -C react-server tests/bench/sync-backfill.ts [--orders=10000] [--share=20] [--db=postgresql://…]`
// The order-index sync's first full pass over a sandbox of N orders (default 10,000; 90 days of history), on
// the sandbox's clock: waiting moves that clock forward, so hours of Ingram minutes pass in a few real minutes.
// Prints the figures: orders indexed of Ingram's estimate, Ingram minutes and real seconds taken, the sync's
// most calls in any Ingram minute per endpoint (its share and the sandbox's 60 are the limits), and whether the
// list stayed usable meanwhile: an index page query's latency and a person's live search answered (not 429).
// Exit status 1 when a limit is broken or the pass does not finish. Without --db: an in-memory embedded database.
import { newCorrelationId } from "@/lib/correlation-id";
import { createDb } from "@/lib/db";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { migrate } from "@/lib/database/apply-migrations";
import { createIngramClient, setIngram } from "@/lib/ingram/client";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, startSandbox } from "@/lib/ingram/sandbox/start-sandbox";
import { readSyncStatus } from "@/lib/order-index/sync-status";
import { startSync } from "@/lib/order-index/sync-runner";

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const ORDERS = Number(arg("orders", "10000"));
const SHARE = Number(arg("share", "20"));
const MAX_REAL_S = Number(arg("max-seconds", "900"));
const account = { customerNumber: "20-222222", countryCode: "US" };

const embedded = arg("db", "") ? null : await startEmbeddedPostgres();
const url = embedded?.url ?? arg("db", "");
await migrate(url);
const db = createDb(url, embedded ? 1 : 10);
const sb = await startSandbox({ port: 0, orderCount: ORDERS, rateLimitPerMinute: 60 });
const client = createIngramClient({
  baseUrl: sb.url,
  tokenUrl: sb.tokenUrl,
  clientId: SANDBOX_CLIENT_ID,
  clientSecret: SANDBOX_CLIENT_SECRET,
  customerNumber: account.customerNumber,
  countryCode: account.countryCode,
  senderId: "orderdesk-bench",
  rateLimitPerMinute: 6000,
});
setIngram(client);

const listMs: number[] = [];
const probes: { minute: number; status: number }[] = [];
let lastProbe = 0;
async function probe(): Promise<void> {
  // A person's view of the list: one index page sorted by total, and (once an Ingram minute) one live search.
  const t0 = performance.now();
  await db.indexedOrder.findMany({ where: account, orderBy: [{ total: "desc" }, { orderNumber: "asc" }], take: 25 });
  await db.indexedOrder.count({ where: account });
  listMs.push(performance.now() - t0);
  const minute = Math.floor(sb.clock.now() / 60_000);
  if (minute === lastProbe) return;
  lastProbe = minute;
  const status = await client
    .searchOrders({ customerOrderNumber: "PO", pageSize: 25 }, { correlationId: newCorrelationId() })
    .then(
      (r) => r.status,
      (err: { status?: number }) => err.status ?? 0,
    );
  probes.push({ minute, status });
}

// Virtual time: the sandbox clock jumps to the earliest wake-up only when both sync loops sleep, so real work
// (a search page, a details read, index writes) takes no Ingram time and Ingram minutes are counted fairly.
const LOOPS = 2;
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
        if (++sleeps % 50 === 0) void probe().then(resolve, resolve);
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
  client: () => client,
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
while (!status.lastFullPassAt && performance.now() - started < MAX_REAL_S * 1000) {
  await new Promise((r) => setTimeout(r, 1000));
  status = await readSyncStatus(db, account, sb.clock.now());
  if (++ticks % 15 === 0)
    console.log(`  indexed ${status.indexed} of about ${status.estimatedTotal ?? "?"}, details ${status.detailed}`);
}
await runner.stop();
const realS = (performance.now() - started) / 1000;

const probeMinutes = new Map(probes.map((p) => [p.minute, 1]));
const minutes = sb.stats.perMinute().map((m) => {
  const minute = Math.floor(Date.parse(m.minute) / 60_000);
  return { search: (m.counts.search ?? 0) - (probeMinutes.get(minute) ?? 0), get: m.counts.get ?? 0 };
});
const maxSearch = Math.max(0, ...minutes.map((m) => m.search));
const maxGet = Math.max(0, ...minutes.map((m) => m.get));
const sorted = [...listMs].sort((a, b) => a - b);
const pct = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : 0);
const refused = probes.filter((p) => p.status !== 200 && p.status !== 204).length;

console.log(`
sync backfill of a ${ORDERS}-order sandbox (90 days of history; share ${SHARE}/min per endpoint; Ingram's limit 60)
  indexed          ${status.indexed} of about ${status.estimatedTotal ?? "?"} (details for ${status.detailed})
  full pass        ${status.lastFullPassAt ? "finished" : "NOT finished"} in ${((sb.clock.now() - startClock) / 60_000).toFixed(0)} Ingram minutes, ${realS.toFixed(0)} s real
  sync calls/min   search max ${maxSearch}, details max ${maxGet} (limit ${SHARE})
  list meanwhile   index page p50 ${pct(0.5).toFixed(1)} ms, p99 ${pct(0.99).toFixed(1)} ms over ${sorted.length} reads; live searches ${probes.length - refused}/${probes.length} answered`);

await sb.close();
await db.$disconnect();
await embedded?.close();
process.exit(status.lastFullPassAt && maxSearch <= SHARE && maxGet <= SHARE && refused === 0 ? 0 : 1);
