// `npm run bench [-- --only=proxy|memory|token|breaker[,…]] [--quick]`
// Benchmarks for the portal under load and the Ingram client's fault figures. Throughput and latency are
// reported beside a baseline measured in the same run (a bare Node proxy on the same sandbox), as ratios.
// Exit status 1 when a measured target fails (any portal error under load counts); loopback only.
import { startBaselineProxy } from "./baseline-proxy";
import { stopAll } from "./children";
import { tokenAndBreakerFigures } from "./client-figures";
import { type LoadResult, runLoad } from "./load";
import { runMemory } from "./memory";
import { CREDS, PORTAL_RATE_LIMIT_PER_MINUTE, expectOk, startStack } from "./portal";
import { type Row, ms, printTable, ratio } from "./report";

const PARTS = ["proxy", "memory", "token", "breaker"] as const;
type Part = (typeof PARTS)[number];

function parseArgs(argv: string[]): { parts: Set<Part>; quick: boolean } {
  let parts = new Set<Part>(PARTS);
  let quick = false;
  for (const arg of argv) {
    if (arg === "--quick") quick = true;
    else if (arg.startsWith("--only=")) {
      const names = arg.slice("--only=".length).split(",");
      const bad = names.filter((n) => !PARTS.includes(n as Part));
      if (bad.length) throw new Error(`unknown part ${bad.join(", ")}; choose from ${PARTS.join(", ")}`);
      parts = new Set(names as Part[]);
    } else throw new Error(`unknown argument ${arg}; usage: run.ts [--only=${PARTS.join("|")}] [--quick]`);
  }
  return { parts, quick };
}

function loadLine(name: string, r: LoadResult): string {
  const statuses = Object.entries(r.statuses)
    .map(([k, v]) => `${k}:${v}`)
    .join(" ");
  return `${name.padEnd(9)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  errors ${r.errors}  [${statuses}]`;
}

async function proxyFigures(
  scenarios: { name: string; portalPath: string; baselinePath: string }[],
  portal: { origin: string; cookie: string },
  baselineOrigin: string,
  durationSec: number,
): Promise<Row[]> {
  const rows: Row[] = [];
  const headers = { cookie: portal.cookie };
  for (const s of scenarios) {
    await expectOk(baselineOrigin + s.baselinePath);
    await expectOk(portal.origin + s.portalPath, headers);
    // Warm-up (JIT, connection pools, lazily loaded route code); not measured.
    await runLoad({ origin: baselineOrigin, paths: [s.baselinePath], connections: 10, durationSec: 2 });
    await runLoad({ origin: portal.origin, paths: [s.portalPath], headers, connections: 10, durationSec: 2 });
    const base = await runLoad({ origin: baselineOrigin, paths: [s.baselinePath], connections: 50, durationSec });
    const mine = await runLoad({ origin: portal.origin, paths: [s.portalPath], headers, connections: 50, durationSec });
    console.log(
      `proxy ${s.name} (50 connections, ${durationSec} s)\n  ${loadLine("baseline", base)}\n  ${loadLine("portal", mine)}`,
    );
    if (mine.requests >= PORTAL_RATE_LIMIT_PER_MINUTE * 0.9) {
      console.log(
        `  note: the portal's Ingram budget (${PORTAL_RATE_LIMIT_PER_MINUTE}/min per endpoint) may have limited this run`,
      );
    }
    rows.push(
      {
        section: "proxy",
        figure: `${s.name}: portal errors (incl. non-2xx)`,
        value: `${mine.errors} of ${mine.requests}`,
        target: "0",
        pass: mine.errors === 0,
      },
      {
        section: "proxy",
        figure: `${s.name}: baseline errors`,
        value: `${base.errors} of ${base.requests}`,
        pass: base.errors === 0 ? undefined : false,
      },
      {
        section: "proxy",
        figure: `${s.name}: req/s portal / baseline`,
        value: `${mine.rps.toFixed(0)} / ${base.rps.toFixed(0)} = ${ratio(mine.rps, base.rps)}`,
      },
      {
        section: "proxy",
        figure: `${s.name}: p50 portal / baseline`,
        value: `${ms(mine.p50)} / ${ms(base.p50)} = ${ratio(mine.p50, base.p50)}`,
      },
      {
        section: "proxy",
        figure: `${s.name}: p99 portal / baseline`,
        value: `${ms(mine.p99)} / ${ms(base.p99)} = ${ratio(mine.p99, base.p99)}`,
      },
    );
  }
  return rows;
}

async function main(): Promise<number> {
  const { parts, quick } = parseArgs(process.argv.slice(2));
  const rows: Row[] = [];
  if (parts.has("token") || parts.has("breaker")) {
    rows.push(...(await tokenAndBreakerFigures({ token: parts.has("token"), breaker: parts.has("breaker") }, quick)));
  }
  if (parts.has("proxy") || parts.has("memory")) {
    console.log("starting sandbox, database and portal (lib/cli/start.ts)…");
    const stack = await startStack();
    try {
      console.log(
        `portal ${stack.portalUrl} (server pid ${stack.serverPid}: ${stack.serverCmd}); sandbox ${stack.sandboxUrl}`,
      );
      const baseline = await startBaselineProxy(stack.sandboxUrl, CREDS);
      const n = stack.orderNumber;
      const portal = { origin: stack.portalUrl, cookie: stack.cookie };
      if (parts.has("proxy")) {
        const scenarios = [
          { name: `GET order ${n}`, portalPath: `/api/orders/${n}`, baselinePath: `/orders/${n}` },
          {
            name: "GET search pageSize=25",
            portalPath: "/api/orders?pageSize=25",
            baselinePath: "/orders?pageSize=25",
          },
        ];
        rows.push(...(await proxyFigures(scenarios, portal, baseline.url, quick ? 5 : 15)));
      }
      if (parts.has("memory")) {
        rows.push(
          ...(await runMemory(
            {
              name: "portal",
              origin: portal.origin,
              paths: [`/api/orders/${n}`, "/api/orders?pageSize=25"],
              headers: { cookie: portal.cookie },
              pid: stack.serverPid,
            },
            {
              name: "baseline",
              origin: baseline.url,
              paths: [`/orders/${n}`, "/orders?pageSize=25"],
              pid: baseline.child.pid,
            },
            quick ? 60 : 600,
            quick,
          )),
        );
      }
    } finally {
      await stack.stop();
    }
  }
  printTable(rows);
  const failed = rows.filter((r) => r.pass === false);
  if (failed.length) console.log(`\n${failed.length} figure(s) missed their target.`);
  return failed.length ? 1 : 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
