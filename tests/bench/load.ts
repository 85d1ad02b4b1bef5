// autocannon, reduced to the figures the report needs. Every run is bounded by its duration.
import autocannon from "autocannon";

export interface LoadOptions {
  /** Origin, e.g. http://127.0.0.1:3300 */
  origin: string;
  /** Paths cycled through by every connection. */
  paths: string[];
  headers?: Record<string, string>;
  connections: number;
  durationSec: number;
  /** Requests per second over all connections; unlimited when absent. */
  overallRate?: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  statuses: Record<string, number>;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const instance = autocannon({
    url: opts.origin,
    connections: opts.connections,
    duration: opts.durationSec,
    overallRate: opts.overallRate,
    timeout: 15,
    headers: opts.headers ?? {},
    requests: opts.paths.map((path) => ({ method: "GET", path })),
  });
  const guard = setTimeout(() => instance.stop(), (opts.durationSec + 30) * 1000);
  try {
    const r = await instance;
    const statuses = Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, Number(v.count)]));
    const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
    return {
      requests: answered,
      rps: answered / Math.max(r.duration, 0.001),
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.non2xx,
      statuses,
    };
  } finally {
    clearTimeout(guard);
  }
}
