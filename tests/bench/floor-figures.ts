// One comparison per scenario: the same request on the portal and on the floor app, in the same run,
// throughput at 50 connections and p50 at 1 connection, with the targets (issue 12).
import { type LoadResult, runLoad } from "./load";
import { postgresCpuMs, treeCpuMs } from "./process-cpu";
import { type Stack, expectOk } from "./portal";
import { type Row, ms, ratio } from "./report";

export interface FloorScenario {
  name: string;
  portalPath: string;
  floorPath: string;
  /** api: >= 0.8x the floor's throughput and <= 3 ms added at p50; page: >= 0.7x the floor's throughput. */
  kind: "api" | "page";
}

const TARGET = { api: 0.8, page: 0.7 } as const;
const ADDED_P50_MS = 3;

function loadLine(name: string, r: LoadResult): string {
  const statuses = Object.entries(r.statuses)
    .map(([k, v]) => `${k}:${v}`)
    .join(" ");
  return `${name.padEnd(7)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  errors ${r.errors}  [${statuses}]`;
}

/** Runs the load and reports the CPU time `pid`'s process tree (and PostgreSQL) spent per answered request. */
async function loadWithCpu(
  opts: Parameters<typeof runLoad>[0],
  pid: number,
): Promise<{ load: LoadResult; cpu: number | null; db: number | null }> {
  const cpu0 = treeCpuMs(pid);
  const db0 = postgresCpuMs();
  const load = await runLoad(opts);
  const cpu1 = treeCpuMs(pid);
  const db1 = postgresCpuMs();
  const per = (a: number | null, b: number | null) =>
    a === null || b === null || load.requests === 0 ? null : (b - a) / load.requests;
  return { load, cpu: per(cpu0, cpu1), db: per(db0, db1) };
}

const cpuText = (ms: number | null) => (ms === null ? "n/a" : `${ms.toFixed(2)} ms`);

export async function floorFigures(
  scenarios: FloorScenario[],
  portal: Stack,
  floor: { origin: string; pid: number },
  seconds: { many: number; one: number },
): Promise<Row[]> {
  const floorOrigin = floor.origin;
  const rows: Row[] = [];
  const headers = { cookie: portal.cookie };
  for (const s of scenarios) {
    const target = { origin: floorOrigin, paths: [s.floorPath] };
    const mine = { origin: portal.portalUrl, paths: [s.portalPath], headers };
    await expectOk(floorOrigin + s.floorPath);
    await expectOk(portal.portalUrl + s.portalPath, headers);
    // Warm-up (JIT, connection pools, lazily loaded route code); not measured.
    await runLoad({ ...target, connections: 10, durationSec: 2 });
    await runLoad({ ...mine, connections: 10, durationSec: 2 });
    const floorRun = await loadWithCpu({ ...target, connections: 50, durationSec: seconds.many }, floor.pid);
    const mineRun = await loadWithCpu({ ...mine, connections: 50, durationSec: seconds.many }, portal.serverPid);
    const floorMany = floorRun.load;
    const mineMany = mineRun.load;
    const floorOne = await runLoad({ ...target, connections: 1, durationSec: seconds.one });
    const mineOne = await runLoad({ ...mine, connections: 1, durationSec: seconds.one });
    console.log(
      `${s.name}\n  50 connections, ${seconds.many} s\n    ${loadLine("floor", floorMany)}\n    ${loadLine("portal", mineMany)}` +
        `\n  1 connection, ${seconds.one} s\n    ${loadLine("floor", floorOne)}\n    ${loadLine("portal", mineOne)}`,
    );
    const errors = mineMany.errors + mineOne.errors;
    const floorErrors = floorMany.errors + floorOne.errors;
    const share = floorMany.requests ? mineMany.rps / floorMany.rps : Number.NaN;
    // No answer within the run gives autocannon's p50 of 0: never a pass.
    const answeredOne = mineOne.requests > 0 && floorOne.requests > 0;
    const added = answeredOne ? mineOne.p50 - floorOne.p50 : Number.NaN;
    rows.push(
      {
        section: "floor",
        figure: `${s.name}: req/s at 50 conns, portal / floor`,
        value: `${mineMany.rps.toFixed(0)} / ${floorMany.rps.toFixed(0)} = ${ratio(mineMany.rps, floorMany.rps)}`,
        target: `>= ${TARGET[s.kind]}x`,
        pass: share >= TARGET[s.kind],
      },
      {
        section: "floor",
        figure: `${s.name}: p50 at 1 conn, portal / floor`,
        value: answeredOne
          ? `${ms(mineOne.p50)} / ${ms(floorOne.p50)} (+${ms(Math.max(0, added))})`
          : `no answer within ${seconds.one} s (portal ${mineOne.requests}, floor ${floorOne.requests})`,
        ...(s.kind === "api" ? { target: `<= +${ADDED_P50_MS} ms`, pass: added <= ADDED_P50_MS } : {}),
      },
      {
        // Work per request, which a busy machine changes far less than throughput: the server process (and the
        // PostgreSQL processes, whose work the portal's queries add) at 50 connections. No target: the why.
        section: "floor",
        figure: `${s.name}: server CPU per request, portal / floor`,
        value:
          `${cpuText(mineRun.cpu)} / ${cpuText(floorRun.cpu)}` +
          (mineRun.cpu !== null && floorRun.cpu ? ` = ${ratio(mineRun.cpu, floorRun.cpu)}` : "") +
          (mineRun.db !== null ? ` (+ database ${cpuText(mineRun.db)})` : ""),
      },
      {
        section: "floor",
        figure: `${s.name}: errors portal (floor)`,
        value: `${errors} of ${mineMany.requests + mineOne.requests} (${floorErrors})`,
        target: "0",
        pass: errors === 0 && floorErrors === 0,
      },
    );
  }
  return rows;
}
