// One comparison per scenario: the same request on the portal and on the floor app, in the same run,
// throughput at 50 connections and p50 at 1 connection, with the targets (issue 12).
import { type LoadResult, runLoad } from "./load";
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

export async function floorFigures(
  scenarios: FloorScenario[],
  portal: Stack,
  floorOrigin: string,
  seconds: { many: number; one: number },
): Promise<Row[]> {
  const rows: Row[] = [];
  const headers = { cookie: portal.cookie };
  for (const s of scenarios) {
    const floor = { origin: floorOrigin, paths: [s.floorPath] };
    const mine = { origin: portal.portalUrl, paths: [s.portalPath], headers };
    await expectOk(floorOrigin + s.floorPath);
    await expectOk(portal.portalUrl + s.portalPath, headers);
    // Warm-up (JIT, connection pools, lazily loaded route code); not measured.
    await runLoad({ ...floor, connections: 10, durationSec: 2 });
    await runLoad({ ...mine, connections: 10, durationSec: 2 });
    const floorMany = await runLoad({ ...floor, connections: 50, durationSec: seconds.many });
    const mineMany = await runLoad({ ...mine, connections: 50, durationSec: seconds.many });
    const floorOne = await runLoad({ ...floor, connections: 1, durationSec: seconds.one });
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
