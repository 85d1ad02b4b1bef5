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
