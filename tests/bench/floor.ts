// The framework's floor: the smallest Next.js app that does what the portal's measured routes do (tests/bench/
// floor: a route handler proxying detail and search with a cached token, an order page and an orders page
// rendering plain tables). Built with the project's own `next` (same next/react versions, no install of its
// own) into tests/bench/floor/.next, and served by `next start` against the bench's sandbox.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { IngramCredentials } from "./baseline-proxy";
import { type Child, ROOT, spawnNode } from "./children";

export const FLOOR_DIR = join(ROOT, "tests", "bench", "floor");
export const FLOOR_PORT = 3310;
const NEXT_BIN = join(ROOT, "node_modules", "next", "dist", "bin", "next");

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === ".next" || name === "node_modules") continue;
    const full = join(dir, name);
    const st = statSync(full);
    newest = Math.max(newest, st.isDirectory() ? newestSource(full) : st.mtimeMs);
  }
  return newest;
}

/** Builds the floor app when it has no build or its sources changed since. */
export async function buildFloor(): Promise<void> {
  const buildId = join(FLOOR_DIR, ".next", "BUILD_ID");
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newestSource(FLOOR_DIR)) return;
  console.log("building the floor app (tests/bench/floor) with the project's next…");
  const child = spawnNode("floor-build", [NEXT_BIN, "build", FLOOR_DIR]);
  const code = await new Promise<number>((resolve) => child.proc.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`floor build failed with exit code ${code} (see ${child.logFile})`);
}

export async function startFloor(sandboxUrl: string, creds: IngramCredentials): Promise<{ url: string; child: Child }> {
  const child = spawnNode("floor", [NEXT_BIN, "start", FLOOR_DIR, "-p", String(FLOOR_PORT), "-H", "127.0.0.1"], {
    FLOOR_UPSTREAM: sandboxUrl,
    FLOOR_CREDS: JSON.stringify(creds),
  });
  await child.waitFor(/Ready|started server|Local:/, 60_000);
  return { url: `http://127.0.0.1:${FLOOR_PORT}`, child };
}
