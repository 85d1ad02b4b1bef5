import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/prisma/generated/client/client";
import { eventHash, type NewEvent } from "@/lib/audit/chain";

export type { NewEvent };
import { GENESIS_HASH } from "@/lib/audit/types";
import { env } from "@/lib/env.mjs";
import { log } from "@/lib/log";

export interface Appended {
  seq: bigint;
  hash: string;
  /** false when `ifAbsent` found the event already stored (a spooled event written twice). */
  appended: boolean;
}

// An unreachable database fails at connect time (the pool's connection timeout), not on these bounds.
const MAX_WAIT_MS = 20_000;
const TIMEOUT_MS = 20_000;

type Tx = Prisma.TransactionClient;
type HeadRow = { seq: bigint; hash: string };

function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

async function lockHead(tx: Tx): Promise<HeadRow> {
  const rows = await tx.$queryRaw<HeadRow[]>`SELECT seq, hash FROM "audit_head" WHERE id = 1 FOR UPDATE`;
  if (rows[0]) return rows[0];
  // First append (or a lost head row): start from the last stored event, else from genesis.
  await tx.$executeRaw`INSERT INTO "audit_head" (id, seq, hash)
    SELECT 1, COALESCE(MAX(e.seq), 0),
      COALESCE((SELECT hash FROM "audit_events" ORDER BY seq DESC LIMIT 1), ${GENESIS_HASH})
    FROM "audit_events" e
    ON CONFLICT (id) DO NOTHING`;
  const again = await tx.$queryRaw<HeadRow[]>`SELECT seq, hash FROM "audit_head" WHERE id = 1 FOR UPDATE`;
  if (!again[0]) throw new Error("audit head row missing after insert");
  return again[0];
}

/**
 * A write that must commit with an event or not at all: run in the event's transaction, under the head lock, before
 * the event is placed; false (nothing to do) leaves the event out, and an error rolls both back.
 */
export type Guard = (tx: Tx) => Promise<boolean>;

interface Pending {
  event: NewEvent;
  ifAbsent: boolean;
  guard?: Guard;
  resolve(a: Appended | null): void;
  reject(err: unknown): void;
}

const MAX_BATCH = 100;
const queues = new WeakMap<object, { items: Pending[]; running: boolean }>();

/** Errors meaning "the database cannot be reached", as opposed to one event being refused. */
function isConnectivity(err: unknown): boolean {
  const text = `${(err as { code?: unknown })?.code ?? ""} ${(err as Error)?.message ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|timeout|terminated|connect|P1001|P1002|P1017|P2024|P2028/i.test(
    text,
  );
}

/**
 * The first outcome already stored for each intent the batch closes. Runs under the head lock, so no other
 * append can add one meanwhile. Rows written before outcome_of existed count by intent_id (never corrections).
 */
async function firstOutcomes(tx: Tx, batch: Pending[]): Promise<Map<string, string>> {
  const intentIds = [...new Set(batch.map((p) => p.event.intentId).filter((id): id is string => !!id))];
  const first = new Map<string, string>();
  if (!intentIds.length) return first;
  const rows = await tx.auditEvent.findMany({
    where: { intentId: { in: intentIds }, corrects: null },
    orderBy: { seq: "asc" },
    select: { id: true, intentId: true },
  });
  for (const r of rows) if (r.intentId && !first.has(r.intentId)) first.set(r.intentId, r.id);
  return first;
}

/**
 * An event that closes an intent is its one outcome (outcomeOf = the intent, unique in the table) unless an
 * outcome is already stored; then it is a correction naming that outcome (corrects), whoever wrote first.
 */
function placeOutcome(e: NewEvent, first: Map<string, string>): NewEvent {
  if (!e.intentId) return { ...e, outcomeOf: null, corrects: null };
  const earlier = first.get(e.intentId);
  if (!earlier) {
    first.set(e.intentId, e.id);
    return { ...e, outcomeOf: e.intentId, corrects: null };
  }
  log("warn", "audit: a second outcome for an intent is recorded as a correction", {
    intentId: e.intentId,
    corrects: earlier,
    outcome: e.outcome,
  });
  return { ...e, outcomeOf: null, corrects: earlier };
}

async function writeBatch(db: Db, batch: Pending[]): Promise<(Appended | null)[]> {
  return db.$transaction(
    async (tx) => {
      const head = await lockHead(tx);
      const checkIds = batch.filter((p) => p.ifAbsent).map((p) => p.event.id);
      const existing = new Map<string, { seq: bigint; hash: string }>();
      if (checkIds.length) {
        const found = await tx.auditEvent.findMany({
          where: { id: { in: checkIds } },
          select: { id: true, seq: true, hash: true },
        });
        for (const f of found) existing.set(f.id, { seq: f.seq, hash: f.hash });
      }
      const first = await firstOutcomes(tx, batch);
      let seq = head.seq;
      let prevHash = head.hash;
      const rows: Prisma.AuditEventCreateManyInput[] = [];
      const results: (Appended | null)[] = [];
      for (const { event, guard } of batch) {
        const found = existing.get(event.id);
        if (found) {
          results.push({ ...found, appended: false });
          continue;
        }
        if (guard && !(await guard(tx))) {
          results.push(null);
          continue;
        }
        const e = placeOutcome(event, first);
        seq += 1n;
        const hash = eventHash({ ...e, seq, prevHash }, env.auditKey);
        rows.push({
          ...e,
          instanceId: e.instanceId ?? null,
          seq,
          request: json(e.request),
          before: json(e.before),
          after: json(e.after),
          ingramErrors: json(e.ingramErrors),
          prevHash,
          hash,
        });
        results.push({ seq, hash, appended: true });
        existing.set(e.id, { seq, hash });
        prevHash = hash;
      }
      if (rows.length) {
        await tx.auditEvent.createMany({ data: rows });
        await tx.$executeRaw`UPDATE "audit_head" SET seq = ${seq}, hash = ${prevHash} WHERE id = 1`;
      }
      return results;
    },
    { maxWait: MAX_WAIT_MS, timeout: TIMEOUT_MS },
  );
}

async function drain(db: Db, q: { items: Pending[]; running: boolean }): Promise<void> {
  q.running = true;
  try {
    while (q.items.length) {
      const batch = q.items.splice(0, MAX_BATCH);
      try {
        const results = await writeBatch(db, batch);
        batch.forEach((p, i) => p.resolve(results[i] ?? null));
      } catch (err) {
        if (batch.length === 1 || isConnectivity(err)) {
          for (const p of batch) p.reject(err);
          continue;
        }
        // One event was refused: write the others alone so that it fails only itself.
        for (const p of batch) await writeBatch(db, [p]).then(([r]) => p.resolve(r ?? null), p.reject);
      }
    }
  } finally {
    q.running = false;
  }
}

/**
 * Appends one event at the head of the chain. Within a process, appends queue per client and are written in
 * batches (group commit); each batch runs in one transaction that locks the single audit_head row, gives the
 * events seq = head.seq + 1, +2, ... with each prevHash the previous hash, inserts them and moves the head.
 * Concurrent appends from any number of processes therefore form one linear chain with contiguous sequence
 * numbers. `ifAbsent` skips an event whose id is already stored (spooled events written twice).
 */
export async function appendEvent(db: Db, e: NewEvent, opts: { ifAbsent?: boolean } = {}): Promise<Appended> {
  return (await enqueue(db, { event: e, ifAbsent: !!opts.ifAbsent }))!;
}

/**
 * Appends the event only if `guard`, run in the same transaction, says its change was made (e.g. a conditional
 * update of another table): both commit or neither does. null when the guard found nothing to do.
 */
export function appendEventIf(db: Db, e: NewEvent, guard: Guard): Promise<Appended | null> {
  return enqueue(db, { event: e, ifAbsent: false, guard });
}

function enqueue(db: Db, item: Pick<Pending, "event" | "ifAbsent" | "guard">): Promise<Appended | null> {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = { items: [], running: false }));
  const queue = q;
  return new Promise<Appended | null>((resolve, reject) => {
    queue.items.push({ ...item, resolve, reject });
    if (!queue.running) void drain(db, queue);
  });
}
