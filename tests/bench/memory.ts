// Memory: sustained load on the portal and, at the same time and rate, on the baseline proxy;
// the RSS of the `next start` server and of the baseline process are sampled every 5 s. Growth is measured
// from just after warm-up (the first 20% of the run) to the end.
import { rssBytes } from "./children";
import { runLoad } from "./load";
import { type Row, mb, pct } from "./report";

export interface MemoryTarget {
  name: string;
  origin: string;
  paths: string[];
  headers?: Record<string, string>;
  pid: number;
}

const SAMPLE_MS = 5000;
// Requests per second per target, alternating detail and search: 75/s per endpoint stays below the portal's
// own pacer (10000 GETs per minute per endpoint), so the run measures memory, not queueing.
export const MEMORY_RATE = 150;

interface Sample {
  t: number;
  rss: number[];
}

/**
 * RSS after warm-up = the high-water mark of the samples in 20–40% of the run; at the end = that of the last
 * 20%. V8's collector makes RSS a sawtooth that single samples (or medians) misread; a leak shows as rising peaks.
 */
function growth(samples: Sample[], i: number, durationMs: number) {
  const within = (from: number, to: number) =>
    samples.filter((s) => s.t >= durationMs * from && s.t <= durationMs * to).map((s) => s.rss[i]!);
  const warmWindow = within(0.2, 0.4);
  const endWindow = within(0.8, 1);
  const warm = Math.max(...(warmWindow.length ? warmWindow : [samples[0]!.rss[i]!]));
  const end = Math.max(...(endWindow.length ? endWindow : [samples.at(-1)!.rss[i]!]));
  return { warm, end, g: end / warm - 1 };
}

export async function runMemory(
  portal: MemoryTarget,
  baseline: MemoryTarget,
  durationSec: number,
  quick: boolean,
): Promise<Row[]> {
  const targets = [portal, baseline];
  const samples: Sample[] = [];
  const t0 = Date.now();
  const sample = () => {
    const rss = targets.map((t) => rssBytes(t.pid) ?? Number.NaN);
    samples.push({ t: Date.now() - t0, rss });
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  console.log(
    `memory: ${durationSec} s at ${MEMORY_RATE} req/s on each of ${targets.map((t) => t.name).join(" and ")}…`,
  );
  let loads;
  try {
    loads = await Promise.all(
      targets.map((t) =>
        runLoad({
          origin: t.origin,
          paths: t.paths,
          headers: t.headers,
          connections: 20,
          durationSec,
          overallRate: MEMORY_RATE,
        }),
      ),
    );
  } finally {
    clearInterval(timer);
  }
  sample();
  const durationMs = Date.now() - t0;
  if (samples.some((s) => s.rss.some((v) => Number.isNaN(v))))
    throw new Error("a measured process exited during the memory run");

  const [p, b] = [growth(samples, 0, durationMs), growth(samples, 1, durationMs)];
  const series = (i: number) => samples.map((s) => (s.rss[i]! / 1024 / 1024).toFixed(0)).join(" ");
  console.log(`memory: portal RSS MB every 5 s: ${series(0)}`);
  console.log(`memory: baseline RSS MB every 5 s: ${series(1)}`);
  const [pl, bl] = loads;
  const note = quick ? " (quick run: indicative only)" : "";
  return [
    {
      section: "memory",
      figure: `portal requests / errors (${durationSec} s)`,
      value: `${pl!.requests} / ${pl!.errors} (${pl!.rps.toFixed(0)} req/s)`,
      target: "0 errors",
      pass: pl!.errors === 0,
    },
    { section: "memory", figure: "portal RSS after warm-up -> end (peaks)", value: `${mb(p.warm)} -> ${mb(p.end)}` },
    {
      section: "memory",
      figure: `portal RSS growth${note}`,
      value: pct(p.g),
      target: "< +10%",
      pass: quick ? undefined : p.g < 0.1,
    },
    {
      section: "memory",
      figure: "baseline RSS after warm-up -> end (peaks)",
      value: `${mb(b.warm)} -> ${mb(b.end)} (${pct(b.g)}; ${bl!.rps.toFixed(0)} req/s, ${bl!.errors} errors)`,
    },
    {
      section: "memory",
      figure: "RSS end/warm-up, portal vs baseline",
      value: `${((1 + p.g) / (1 + b.g)).toFixed(3)}x`,
    },
  ];
}
