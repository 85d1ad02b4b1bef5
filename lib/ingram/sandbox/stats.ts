import { INGRAM_CALLS, type IngramOperation } from "../ingram-operations.ts";

export interface RequestRecord {
  op: IngramOperation;
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body: unknown;
  at: number;
}

/** Calls per operation within one minute of sandbox time (`minute` = the minute's start, ISO-8601). */
export interface MinuteCounts {
  minute: string;
  counts: Partial<Record<IngramOperation, number>>;
}

const MAX_RECORDS = 2000;
/** A day of per-minute counters; older minutes are dropped first. */
const MAX_MINUTES = 1440;
const MINUTE_MS = 60_000;

/** Per-operation counters (in total and per minute) and a bounded request log (oldest dropped first). */
export class SandboxStats {
  requests: RequestRecord[] = [];
  private counts = new Map<IngramOperation, number>();
  private minutes = new Map<number, Map<IngramOperation, number>>();

  record(entry: RequestRecord): void {
    this.counts.set(entry.op, (this.counts.get(entry.op) ?? 0) + 1);
    const start = Math.floor(entry.at / MINUTE_MS) * MINUTE_MS;
    let minute = this.minutes.get(start);
    if (!minute) {
      minute = new Map();
      this.minutes.set(start, minute);
      if (this.minutes.size > MAX_MINUTES) this.minutes.delete(Math.min(...this.minutes.keys()));
    }
    minute.set(entry.op, (minute.get(entry.op) ?? 0) + 1);
    this.requests.push(entry);
    if (this.requests.length > MAX_RECORDS) this.requests.splice(0, this.requests.length - MAX_RECORDS);
  }

  count(op: IngramOperation): number {
    return this.counts.get(op) ?? 0;
  }

  /** Calls of `op` in the minute of sandbox time that contains `at`. */
  countInMinute(op: IngramOperation, at: number): number {
    return this.minutes.get(Math.floor(at / MINUTE_MS) * MINUTE_MS)?.get(op) ?? 0;
  }

  /** Every minute that saw a call, oldest first. */
  perMinute(): MinuteCounts[] {
    return [...this.minutes.entries()]
      .sort(([a], [b]) => a - b)
      .map(([start, counts]) => ({ minute: new Date(start).toISOString(), counts: Object.fromEntries(counts) }));
  }

  reset(): void {
    this.requests = [];
    this.counts.clear();
    this.minutes.clear();
  }

  toJSON(): { counts: Record<IngramOperation, number>; perMinute: MinuteCounts[]; requests: RequestRecord[] } {
    const counts = Object.fromEntries(INGRAM_CALLS.map((op) => [op, this.count(op)])) as Record<
      IngramOperation,
      number
    >;
    return { counts, perMinute: this.perMinute(), requests: this.requests };
  }
}
