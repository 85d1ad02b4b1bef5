// CPU time used by a process and its descendants, from /proc (Linux): the bench's measure of work per request,
// which a busy machine changes far less than it changes throughput. Elsewhere it reports nothing.
import { execSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { descendants } from "./children";

let ticksPerSecond: number | null = null;
function tickMs(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execSync("getconf CLK_TCK").toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return 1000 / ticksPerSecond;
}

function ownCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * tickMs();
  } catch {
    return 0;
  }
}

/** CPU milliseconds (user + system) of `pid` and every process under it; null where /proc is missing. */
export function treeCpuMs(pid: number): number | null {
  try {
    readdirSync("/proc");
  } catch {
    return null;
  }
  return [pid, ...descendants(pid).map((p) => p.pid)].reduce((sum, p) => sum + ownCpuMs(p), 0);
}

/** CPU milliseconds of every PostgreSQL server process on this machine (the bench's database, when it is one). */
export function postgresCpuMs(): number | null {
  try {
    let sum = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readFileSync(`/proc/${entry}/comm`, "utf8").startsWith("postgres")) sum += ownCpuMs(Number(entry));
      } catch {
        // raced with exit
      }
    }
    return sum;
  } catch {
    return null;
  }
}
