import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { type ChainPoint, type VerifyResult, verifyChain } from "@/lib/audit/verify";

/**
 * A checkpoint is the chain's head (seq and hash) kept outside the database, e.g. in a file on another machine.
 * Whoever can write the database, even with AUDIT_KEY, cannot rewrite an event at or before a checkpoint's seq
 * without changing the hash the checkpoint holds.
 */
const checkpointSchema = z.object({
  seq: z.coerce.number().int().nonnegative(),
  hash: z.string().min(1).max(200),
  at: z.string().optional(),
});

export function checkpointText(point: ChainPoint, at = new Date()): string {
  return `${JSON.stringify({ seq: point.seq, hash: point.hash, at: at.toISOString() })}\n`;
}

/** The checkpoint a file holds; throws a message naming what is wrong with it. */
export function parseCheckpoint(text: string): ChainPoint {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error("the checkpoint is not JSON");
  }
  const parsed = checkpointSchema.safeParse(raw);
  if (!parsed.success) throw new Error("the checkpoint needs a seq (a number) and a hash");
  return { seq: parsed.data.seq, hash: parsed.data.hash };
}

/** Whether the stored chain still has the checkpoint's event with the checkpoint's hash. */
export async function holdsCheckpoint(db: Db, point: ChainPoint): Promise<boolean> {
  if (point.seq === 0) return true;
  const row = await db.auditEvent.findUnique({ where: { seq: BigInt(point.seq) }, select: { hash: true } });
  return row?.hash === point.hash;
}

const lastVerified = new WeakMap<Db, ChainPoint>();

/**
 * Verifies the events appended since this process last found the chain intact, after checking that the event
 * it verified last still has its hash; the first call (and the first after a break) walks the whole chain. For
 * pages, which must not re-walk a long chain on every load; `npm run audit:verify` always walks all of it.
 */
export async function verifySinceLastCheck(db: Db): Promise<VerifyResult> {
  const from = lastVerified.get(db);
  const result = await verifyChain(db, { from });
  if (result.ok && result.headHash !== undefined) lastVerified.set(db, { seq: result.lastSeq, hash: result.headHash });
  else lastVerified.delete(db);
  return result;
}
