// `npx tsx tests/bench/profile-summary.ts <file.cpuprofile> [top]`: where a V8 CPU profile (node --cpu-prof)
// spent its samples: self time per function, and total (inclusive) time per package or project folder, as
// percentages of the busy (non-idle) samples. Used to find what the portal pays per request (README, Performance).
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
}

/** The package (node_modules/x or @scope/x) or project folder a frame belongs to. */
function area(url: string): string {
  if (!url) return "(native / V8)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) {
    const inner = /node_modules\/next\/dist\/(compiled\/[^/]+|server\/[^/]+|[^/]+)/.exec(url);
    return m[1] === "next" && inner ? `next/${inner[1]}` : m[1]!;
  }
  const chunk = /\.next\/server\/chunks\/(?:ssr\/)?\[root-of-the-server\]__|\.next\/server\/chunks/.exec(url);
  if (chunk) return "app bundle (.next/server/chunks)";
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-summary.ts <file.cpuprofile> [top]");
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total = profile.samples.length;
const idle = new Set(["(idle)", "(program)", "(garbage collector)"]);
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const id of profile.samples) {
  const node = byId.get(id)!;
  const f = node.callFrame;
  const key = idle.has(f.functionName)
    ? f.functionName
    : `${f.functionName || "(anonymous)"} ${area(f.url)}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + 1);
  // Each area once per sample, however deep it recurs.
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    // Frames without a script (the root, natives) belong to no area.
    const frame = byId.get(cur)!.callFrame;
    const a = idle.has(frame.functionName) || !frame.url ? "" : area(frame.url);
    if (a && !seen.has(a)) {
      seen.add(a);
      inclusive.set(a, (inclusive.get(a) ?? 0) + 1);
    }
  }
}
// Shares of the busy samples: an idle server (waiting on the database or Ingram) is not a cost.
const busy = total - (self.get("(idle)") ?? 0);
const pctOf = (n: number) => `${((n / busy) * 100).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${total} samples, ${busy} busy (${((busy / total) * 100).toFixed(0)}%); shares of busy time`);
console.log(`\nself time, top ${top}:`);
for (const [k, v] of [...self]
  .filter(([k]) => k !== "(idle)")
  .sort((a, b) => b[1] - a[1])
  .slice(0, top))
  console.log(`  ${pctOf(v)}  ${k}`);
console.log(`\ninclusive time by package / folder, top ${top}:`);
for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pctOf(v)}  ${k}`);
