import "server-only";
import type { Db } from "@/lib/db";
import { eventHash, isKeyedHash } from "@/lib/audit/chain";
import { env } from "@/lib/env.mjs";
import { GENESIS_HASH } from "@/lib/audit/types";

export type BreakReason =
  | "hash mismatch"
  | "prevHash mismatch"
  | "sequence gap"
  | "head mismatch"
  | "unkeyed after keyed"
  | "unkeyed head"
  | "checkpoint mismatch";

/** A position in the chain known to be good: an event's seq and the hash it had then. */
export interface ChainPoint {
  seq: number;
  hash: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Events verified intact (all of them when ok, or all after `from`). */
  count: number;
  /** The last intact event's seq (0 when none): "chain verified up to #lastSeq". */
  lastSeq: number;
  /** The head's hash when ok: what a checkpoint records. */
  headHash?: string;
  /** Events hashed before the portal had AUDIT_KEY, all before the first keyed one; present only when any. */
  unkeyed?: number;
  firstBroken?: { seq: number; id: string | null; reason: BreakReason };
}

export interface VerifyOptions {
  batchSize?: number;
  /** The HMAC key of the chain (default AUDIT_KEY). */
  key?: string;
  /** Verify only the events after this point, after checking the event at it still has its hash. */
  from?: ChainPoint;
}

const BATCH = 1000;

/**
 * Walks the chain in seq order, in batches, checking each event's sequence number, link to its predecessor
 * and its own hash, then that audit_head points at the last event. Keyed hashes (HMAC with AUDIT_KEY) start at
 * the first event written with the key; the unkeyed events of an older chain may only precede it, and the head
 * must be keyed. So rewriting any event and re-hashing the rest without the key fails: re-hashed events are
 * unkeyed after keyed ones, or the head is unkeyed. An empty chain is intact.
 */
export async function verifyChain(db: Db, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const batchSize = opts.batchSize ?? BATCH;
  const key: string = opts.key ?? env.auditKey;
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let unkeyed = 0;
  let lastId: string | null = null;
  let keyed = false;
  const broken = (seq: bigint, id: string | null, reason: BreakReason): VerifyResult => ({
    ok: false,
    count,
    lastSeq: Number(expectedSeq - 1n),
    firstBroken: { seq: Number(seq), id, reason },
  });

  if (opts.from && opts.from.seq > 0) {
    const at = await db.auditEvent.findUnique({
      where: { seq: BigInt(opts.from.seq) },
      select: { id: true, hash: true },
    });
    if (!at || at.hash !== opts.from.hash) return broken(BigInt(opts.from.seq), at?.id ?? null, "checkpoint mismatch");
    expectedSeq = BigInt(opts.from.seq) + 1n;
    prevHash = at.hash;
    lastId = at.id;
    keyed = isKeyedHash(at.hash);
  }

  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { seq: { gt: expectedSeq - 1n } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    for (const row of rows) {
      if (row.seq !== expectedSeq) return broken(row.seq, row.id, "sequence gap");
      if (row.prevHash !== prevHash) return broken(row.seq, row.id, "prevHash mismatch");
      if (isKeyedHash(row.hash)) {
        if (eventHash(row, key) !== row.hash) return broken(row.seq, row.id, "hash mismatch");
        keyed = true;
      } else {
        if (keyed) return broken(row.seq, row.id, "unkeyed after keyed");
        if (eventHash(row, null) !== row.hash) return broken(row.seq, row.id, "hash mismatch");
        unkeyed++;
      }
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
  if (lastSeq > 0n && !keyed) return broken(lastSeq, lastId, "unkeyed head");
  return { ok: true, count, lastSeq: Number(lastSeq), headHash: prevHash, ...(unkeyed ? { unkeyed } : {}) };
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
