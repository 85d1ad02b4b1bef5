import "server-only";
import type { Db } from "@/lib/db";
import { eventHash } from "@/lib/audit/chain";
import { GENESIS_HASH } from "@/lib/audit/types";

export type BreakReason = "hash mismatch" | "prevHash mismatch" | "sequence gap" | "head mismatch";

export interface VerifyResult {
  ok: boolean;
  /** Events verified intact (all of them when ok). */
  count: number;
  /** The last intact event's seq (0 when none): "chain verified up to #lastSeq". */
  lastSeq: number;
  firstBroken?: { seq: number; id: string | null; reason: BreakReason };
}

const BATCH = 1000;

/**
 * Walks the chain in seq order, in batches, checking each event's sequence number, link to its predecessor
 * and its own hash, then that audit_head points at the last event.
 */
export async function verifyChain(db: Db, opts: { batchSize?: number } = {}): Promise<VerifyResult> {
  const batchSize = opts.batchSize ?? BATCH;
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let lastId: string | null = null;
  const broken = (seq: bigint, id: string | null, reason: BreakReason): VerifyResult => ({
    ok: false,
    count,
    lastSeq: Number(expectedSeq - 1n),
    firstBroken: { seq: Number(seq), id, reason },
  });

  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: count === 0 ? {} : { seq: { gt: expectedSeq - 1n } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    for (const row of rows) {
      if (row.seq !== expectedSeq) return broken(row.seq, row.id, "sequence gap");
      if (row.prevHash !== prevHash) return broken(row.seq, row.id, "prevHash mismatch");
      if (eventHash(row) !== row.hash) return broken(row.seq, row.id, "hash mismatch");
      prevHash = row.hash;
      lastId = row.id;
      expectedSeq++;
      count++;
    }
    if (rows.length < batchSize) break;
  }

  const head = await db.auditHead.findUnique({ where: { id: 1 } });
  const lastSeq = expectedSeq - 1n;
  const headOk = head ? head.seq === lastSeq && head.hash === prevHash : lastSeq === 0n;
  if (!headOk) {
    // A head ahead of the events means events are missing at the end; otherwise the last event is named.
    const missingTail = head !== null && head.seq > lastSeq;
    return broken(missingTail ? lastSeq + 1n : lastSeq, missingTail ? null : lastId, "head mismatch");
  }
  return { ok: true, count, lastSeq: Number(lastSeq) };
}

export interface OpenIntentReport {
  seq: number;
  id: string;
  action: string;
  orderNumber: string | null;
  instanceId: string | null;
  /** How long it has been open, by the database's clock. */
  ageMs: number;
}

export interface DuplicateOutcomes {
  intentSeq: number;
  intentId: string;
  /** seqs of the outcome events (corrections excluded), oldest first; more than one. */
  outcomeSeqs: number[];
}

export interface OutcomeReport {
  open: OpenIntentReport[];
  duplicates: DuplicateOutcomes[];
}

/**
 * Checks that every intent has at most one outcome (corrections name an outcome and are not counted) and
 * lists the intents still open, oldest first, with their age.
 */
export async function verifyOutcomes(db: Db): Promise<OutcomeReport> {
  const open = await db.$queryRaw<
    {
      seq: bigint;
      id: string;
      action: string;
      order_number: string | null;
      instance_id: string | null;
      age_ms: number;
    }[]
  >`
    SELECT i.seq, i.id::text AS id, i.action, i.order_number, i.instance_id::text AS instance_id,
      (EXTRACT(EPOCH FROM (now() - i.at)) * 1000)::float8 AS age_ms
    FROM "audit_events" i
    WHERE i.outcome = 'intent' AND NOT EXISTS (SELECT 1 FROM "audit_events" o WHERE o.intent_id = i.id)
    ORDER BY i.seq`;
  const dups = await db.$queryRaw<{ intent_seq: bigint | null; intent_id: string; seqs: bigint[] }[]>`
    SELECT (SELECT i.seq FROM "audit_events" i WHERE i.id = o.intent_id) AS intent_seq, o.intent_id::text AS intent_id,
      array_agg(o.seq ORDER BY o.seq) AS seqs
    FROM "audit_events" o
    WHERE o.intent_id IS NOT NULL AND o.corrects IS NULL
    GROUP BY o.intent_id HAVING COUNT(*) > 1
    ORDER BY MIN(o.seq)`;
  return {
    open: open.map((r) => ({
      seq: Number(r.seq),
      id: r.id,
      action: r.action,
      orderNumber: r.order_number,
      instanceId: r.instance_id,
      ageMs: Math.max(0, Math.round(Number(r.age_ms))),
    })),
    duplicates: dups.map((r) => ({
      intentSeq: Number(r.intent_seq ?? 0),
      intentId: r.intent_id,
      outcomeSeqs: r.seqs.map(Number),
    })),
  };
}
