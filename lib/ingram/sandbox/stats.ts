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

const MAX_RECORDS = 2000;

/** Per-operation counters and a bounded request log (oldest dropped first). */
export class SandboxStats {
  requests: RequestRecord[] = [];
  private counts = new Map<IngramOperation, number>();

  record(entry: RequestRecord): void {
    this.counts.set(entry.op, (this.counts.get(entry.op) ?? 0) + 1);
    this.requests.push(entry);
    if (this.requests.length > MAX_RECORDS) this.requests.splice(0, this.requests.length - MAX_RECORDS);
  }

  count(op: IngramOperation): number {
    return this.counts.get(op) ?? 0;
  }

  reset(): void {
    this.requests = [];
    this.counts.clear();
  }

  toJSON(): { counts: Record<IngramOperation, number>; requests: RequestRecord[] } {
    const counts = Object.fromEntries(INGRAM_CALLS.map((op) => [op, this.count(op)])) as Record<IngramOperation, number>;
    return { counts, requests: this.requests };
  }
}
