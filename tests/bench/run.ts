// `npm run bench [-- --only=floor|js|memory|token|breaker[,…]] [--quick] [--postgres=URL] [--profile]`
// Benchmarks for the portal under load and the Ingram client's fault figures. The portal is measured beside
// the framework's floor (tests/bench/floor: the least a Next.js app can do for the same routes) in the same
// run on the same sandbox, as ratios; first-load JavaScript per page is read from the production build.
// --postgres=URL: the portal's database on that PostgreSQL server (a database is created and dropped there)
// instead of the embedded one. --profile: V8's CPU profiler samples the portal's server during the floor part,
// one profile per configuration (tests/artifacts/bench-profile/; summarise with tests/bench/profile-summary.ts).
// Exit status 1 when a measured target fails (any portal error under load counts); loopback only.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { startBaselineProxy } from "./baseline-proxy";
import { ARTIFACTS, ROOT, stopAll } from "./children";
import { tokenAndBreakerFigures } from "./client-figures";
import { firstLoadJs, kb } from "./first-load-js";
import { buildFloor, FLOOR_DIR, startFloor } from "./floor";
import { type FloorScenario, floorFigures } from "./floor-figures";
import { runMemory } from "./memory";
import { CREDS, type Stack, startSandboxProcess, startStack, waitIndexed } from "./portal";
import { type Row, printTable } from "./report";

const PARTS = ["floor", "js", "memory", "token", "breaker"] as const;
type Part = (typeof PARTS)[number];
/** Gzipped first-load JavaScript allowed per page (issue 12). */
export const JS_CEILING_BYTES = 150 * 1024;

interface Args {
  parts: Set<Part>;
  quick: boolean;
  postgres?: string;
  profile: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { parts: new Set<Part>(PARTS), quick: false, profile: false };
  const usage = `usage: run.ts [--only=${PARTS.join("|")}] [--quick] [--postgres=URL] [--profile]`;
  for (const arg of argv) {
    if (arg === "--quick") args.quick = true;
    else if (arg === "--profile") args.profile = true;
    else if (arg.startsWith("--postgres=")) {
      args.postgres = arg.slice("--postgres=".length);
      if (!/^postgres(ql)?:\/\//.test(args.postgres))
        throw new Error(`--postgres must be a postgresql:// URL; ${usage}`);
    } else if (arg.startsWith("--only=")) {
      const names = arg.slice("--only=".length).split(",");
      const bad = names.filter((n) => !PARTS.includes(n as Part));
      if (bad.length) throw new Error(`unknown part ${bad.join(", ")}; choose from ${PARTS.join(", ")}`);
      args.parts = new Set(names as Part[]);
    } else throw new Error(`unknown argument ${arg}; ${usage}`);
  }
  return args;
}

function jsFigures(): Row[] {
  if (!existsSync(join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("no production build in .next: run `npm run build` first (or include the floor part)");
  }
  const floor = firstLoadJs(join(FLOOR_DIR, ".next"));
  const floorMax = Math.max(...floor.map((p) => p.bytes));
  const rows: Row[] = [{ section: "js", figure: "floor app: first-load JS (framework only)", value: kb(floorMax) }];
  for (const page of firstLoadJs(join(ROOT, ".next"))) {
    rows.push({
      section: "js",
      figure: `${page.route} first-load JS, gzipped (${page.chunks} chunks)`,
      value: kb(page.bytes),
      target: `<= ${kb(JS_CEILING_BYTES)}`,
      pass: page.bytes <= JS_CEILING_BYTES,
    });
  }
  return rows;
}

/** Two portal configurations against one sandbox and the floor: index misses first, then index hits. */
async function floorPart(args: Args, sandboxUrl: string, rows: Row[], memory: boolean): Promise<void> {
  const floor = args.parts.has("floor") ? await startFloor(sandboxUrl, CREDS) : null;
  const seconds = args.quick ? { many: 5, one: 3 } : { many: 15, one: 8 };
  const profileDir = join(ARTIFACTS, "bench-profile");
  const profiling = args.profile
    ? { profileDir, hook: join(ROOT, "tests", "bench", "cpu-profile-hook.cjs") }
    : undefined;
  let stack: Stack | null = null;
  try {
    if (floor) {
      // Misses: no sync (search cannot use the index) and no freshness window (every detail is read live).
      console.log("portal with the order index off (every read goes to Ingram)…");
      stack = await startStack({
        sandboxUrl,
        postgres: args.postgres,
        label: "miss",
        profiling,
        vars: { SYNC_ENABLED: "0", ORDER_FRESH_SECONDS: "0" },
      });
      const n = stack.orderNumber;
      const miss: FloorScenario[] = [
        { name: "API detail, index miss", portalPath: `/api/orders/${n}`, floorPath: `/api/orders/${n}`, kind: "api" },
        {
          name: "API search, index miss",
          portalPath: "/api/orders?pageSize=25",
          floorPath: "/api/orders?pageSize=25",
          kind: "api",
        },
      ];
      rows.push(...(await floorFigures(miss, stack, { origin: floor.url, pid: floor.child.pid }, seconds)));
      if (profiling) await stack.writeProfile();
      await stack.stop();
      stack = null;
    }
    console.log("portal with the order index on (fresh index: reads are answered by it)…");
    stack = await startStack({
      sandboxUrl,
      postgres: args.postgres,
      label: "hit",
      profiling,
      vars: { ORDER_FRESH_SECONDS: "3600" },
    });
    await waitIndexed(stack, 300_000);
    const n = stack.orderNumber;
    if (floor) {
      const hit: FloorScenario[] = [
        { name: "API detail, index hit", portalPath: `/api/orders/${n}`, floorPath: `/api/orders/${n}`, kind: "api" },
        {
          name: "API search, index hit",
          portalPath: "/api/orders?pageSize=25",
          floorPath: "/api/orders?pageSize=25",
          kind: "api",
        },
        { name: "order page", portalPath: `/orders/${n}`, floorPath: `/orders/${n}`, kind: "page" },
        { name: "orders page", portalPath: "/orders", floorPath: "/orders", kind: "page" },
      ];
      rows.push(...(await floorFigures(hit, stack, { origin: floor.url, pid: floor.child.pid }, seconds)));
      if (profiling) await stack.writeProfile();
    }
    if (memory) {
      const baseline = await startBaselineProxy(sandboxUrl, CREDS);
      rows.push(
        ...(await runMemory(
          {
            name: "portal",
            origin: stack.portalUrl,
            paths: [`/api/orders/${n}`, "/api/orders?pageSize=25"],
            headers: { cookie: stack.cookie },
            pid: stack.serverPid,
          },
          {
            name: "baseline",
            origin: baseline.url,
            paths: [`/orders/${n}`, "/orders?pageSize=25"],
            pid: baseline.child.pid,
          },
          args.quick ? 60 : 600,
          args.quick,
        )),
      );
      await baseline.child.stop();
    }
  } finally {
    await stack?.stop();
    await floor?.child.stop();
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const { parts, quick } = args;
  const rows: Row[] = [];
  if (parts.has("token") || parts.has("breaker")) {
    rows.push(...(await tokenAndBreakerFigures({ token: parts.has("token"), breaker: parts.has("breaker") }, quick)));
  }
  if (parts.has("floor") || parts.has("js")) await buildFloor();
  if (parts.has("floor") || parts.has("memory")) {
    console.log("starting the sandbox…");
    const sandbox = await startSandboxProcess();
    try {
      await floorPart(args, sandbox.url, rows, parts.has("memory"));
    } finally {
      await sandbox.child.stop();
    }
  }
  // After the floor part: a portal started there builds .next when it has none.
  if (parts.has("js")) rows.push(...jsFigures());
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
