// In-process figures for the Ingram client under upstream faults: token single-flight and
// the circuit breaker, measured against an in-process sandbox. Breaker latency is reported as a ratio to a
// healthy call's p99 measured in the same run. Every loop is bounded in count and in time.
import { createIngramClient, type IngramClient, type IngramConfig } from "@/lib/ingram/client";
import { isIngramError } from "@/lib/ingram/ingram-errors";
import { newCorrelationId } from "@/lib/correlation-id";
import { type Sandbox, startSandbox } from "@/lib/ingram/sandbox/start-sandbox";
import { type Row, ms, percentile, ratio } from "./report";

const ctx = () => ({ correlationId: newCorrelationId() });
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

function client(sb: Sandbox, extra: Partial<IngramConfig> = {}): IngramClient {
  return createIngramClient({
    baseUrl: sb.url,
    tokenUrl: sb.tokenUrl,
    clientId: "orderdesk-sandbox",
    clientSecret: "sandbox-secret",
    customerNumber: "20-222222",
    countryCode: "US",
    senderId: "bench",
    // Pacing is not under test here; the breaker keeps the app's defaults.
    rateLimitPerMinute: 1_000_000,
    ...extra,
  });
}

async function settle(calls: Promise<unknown>[]): Promise<{ ok: number; failed: number }> {
  const results = await Promise.allSettled(calls);
  const ok = results.filter((r) => r.status === "fulfilled").length;
  return { ok, failed: results.length - ok };
}

async function tokenFigures(orderNumber: string): Promise<Row[]> {
  const ttlSeconds = 600;
  const sb = await startSandbox({ port: 0, rateLimitPerMinute: null, tokenTtlSeconds: ttlSeconds });
  try {
    let offsetMs = 0;
    const c = client(sb, { now: () => Date.now() + offsetMs });
    const cold = await settle(Array.from({ length: 200 }, () => c.getOrder(orderNumber, {}, ctx())));
    const coldTokens = sb.stats.count("token");

    const lifetimes = 3;
    for (let i = 0; i < lifetimes; i++) {
      offsetMs += ttlSeconds * 1000;
      sb.clock.advance(ttlSeconds * 1000);
      await settle(Array.from({ length: 50 }, () => c.getOrder(orderNumber, {}, ctx())));
    }
    const perLifetime = sb.stats.count("token") - coldTokens;

    sb.revokeAllTokens();
    const before401 = sb.stats.count("token");
    const after401 = await settle(Array.from({ length: 50 }, () => c.getOrder(orderNumber, {}, ctx())));
    const refreshes = sb.stats.count("token") - before401;
    console.log(
      `token requests: ${coldTokens} (target 1) for 200 concurrent cold calls (${cold.ok} ok, ${cold.failed} failed)`,
    );
    console.log(`token requests over ${lifetimes} further lifetimes: ${perLifetime} (target ${lifetimes})`);
    console.log(
      `token refreshes after a 401 (50 concurrent calls): ${refreshes} (target 1; ${after401.failed} failed)`,
    );
    return [
      {
        section: "token",
        figure: "token requests, 200 concurrent cold calls",
        value: String(coldTokens),
        target: "1",
        pass: coldTokens === 1 && cold.failed === 0,
      },
      {
        section: "token",
        figure: `token requests over ${lifetimes} more lifetimes`,
        value: String(perLifetime),
        target: String(lifetimes),
        pass: perLifetime === lifetimes,
      },
      {
        section: "token",
        figure: "refreshes after a 401, 50 concurrent",
        value: String(refreshes),
        target: "1",
        pass: refreshes === 1 && after401.failed === 0,
      },
    ];
  } finally {
    await sb.close();
  }
}

/** Latency (ms) of one call, and whether it failed fast with circuit_open. */
async function timed(c: IngramClient, orderNumber: string): Promise<{ ms: number; ok: boolean; open: boolean }> {
  const t = performance.now();
  try {
    await c.getOrder(orderNumber, {}, ctx());
    return { ms: performance.now() - t, ok: true, open: false };
  } catch (e) {
    return { ms: performance.now() - t, ok: false, open: isIngramError(e) && e.kind === "circuit_open" };
  }
}

async function breakerFigures(orderNumber: string, faultSeconds: number): Promise<Row[]> {
  const sb = await startSandbox({ port: 0, rateLimitPerMinute: null });
  try {
    const c = client(sb);
    const healthy: number[] = [];
    for (let i = 0; i < 20; i++) await timed(c, orderNumber);
    for (let i = 0; i < 300; i++) healthy.push((await timed(c, orderNumber)).ms);

    const faultAt = Date.now();
    sb.faults.set({ op: "get", kind: "status", status: 503 });
    const getsBefore = sb.stats.count("get");
    let opened = false;
    for (let i = 0; i < 50 && !opened && Date.now() - faultAt < 60_000; i++)
      opened = (await timed(c, orderNumber)).open;
    const callsUntilOpen = sb.stats.count("get") - getsBefore;

    const fastFail: number[] = [];
    for (let i = 0; i < 300; i++) {
      const r = await timed(c, orderNumber);
      if (r.open) fastFail.push(r.ms);
    }

    const openFrom = Date.now();
    const getsOpen = sb.stats.count("get");
    const openUntil = faultAt + faultSeconds * 1000;
    for (let i = 0; i < 10_000 && Date.now() < openUntil; i++) {
      const r = await timed(c, orderNumber);
      if (r.open) fastFail.push(r.ms);
      await sleep(50);
    }
    const openWindowMs = Date.now() - openFrom;
    const probes = sb.stats.count("get") - getsOpen;
    const probesPer5s = probes / (openWindowMs / 5000);

    sb.faults.clear();
    const recoveredAt = Date.now();
    let closedAfterMs = Number.NaN;
    for (let i = 0; i < 1000 && Date.now() - recoveredAt < 30_000; i++) {
      if ((await timed(c, orderNumber)).ok) {
        closedAfterMs = Date.now() - recoveredAt;
        break;
      }
      await sleep(50);
    }

    const healthyP99 = percentile(healthy, 99);
    const fastP99 = percentile(fastFail, 99);
    const [healthyP50, fastP50] = [percentile(healthy, 50), percentile(fastFail, 50)];
    console.log(`breaker: upstream calls until open: ${callsUntilOpen} (target <= 10)`);
    console.log(
      `breaker: fast-fail p99 ${ms(fastP99)} over ${fastFail.length} calls vs healthy p99 ${ms(healthyP99)}: ${ratio(fastP99, healthyP99)}`,
    );
    console.log(
      `breaker: ${probes} probes in ${(openWindowMs / 1000).toFixed(1)} s open = ${probesPer5s.toFixed(2)} per 5 s (target <= 1)`,
    );
    console.log(`breaker: closed ${(closedAfterMs / 1000).toFixed(2)} s after recovery (target <= 10 s)`);
    return [
      {
        section: "breaker",
        figure: "upstream calls until open (100% 503)",
        value: String(callsUntilOpen),
        target: "<= 10",
        pass: opened && callsUntilOpen <= 10,
      },
      {
        section: "breaker",
        figure: "healthy call p50 / p99 (baseline)",
        value: `${ms(healthyP50)} / ${ms(healthyP99)}`,
      },
      {
        section: "breaker",
        figure: "fast-fail p50 while open",
        value: `${ms(fastP50)} (${ratio(fastP50, healthyP50)} healthy)`,
      },
      {
        section: "breaker",
        figure: "fast-fail p99 while open",
        value: `${ms(fastP99)} (${ratio(fastP99, healthyP99)} healthy)`,
        target: "<= 50 ms",
        pass: fastP99 <= 50,
      },
      {
        section: "breaker",
        figure: "probes per 5 s while open",
        value: probesPer5s.toFixed(2),
        target: "<= 1",
        pass: probesPer5s <= 1 + 1e-9,
      },
      {
        section: "breaker",
        figure: "time to close after recovery",
        value: `${(closedAfterMs / 1000).toFixed(2)} s`,
        target: "<= 10 s",
        pass: closedAfterMs <= 10_000,
      },
    ];
  } finally {
    await sb.close();
  }
}

export async function tokenAndBreakerFigures(
  which: { token: boolean; breaker: boolean },
  quick: boolean,
): Promise<Row[]> {
  const probe = await startSandbox({ port: 0, rateLimitPerMinute: null });
  const orderNumber = probe.store.listOrders()[0]!.ingramOrderNumber;
  await probe.close();
  const rows: Row[] = [];
  if (which.token) rows.push(...(await tokenFigures(orderNumber)));
  if (which.breaker) rows.push(...(await breakerFigures(orderNumber, quick ? 12 : 20)));
  return rows;
}
