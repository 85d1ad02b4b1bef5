import "server-only";
import { db as processDb, type Db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { log } from "@/lib/log";
import { STALE_AFTER_MS } from "@/lib/audit/heartbeat";
import { recordOutcome } from "@/lib/audit/record";
import { reconciledOutcome } from "@/lib/audit/reconcile-verdict";
import { flushSpool } from "@/lib/audit/spool";
import type { AuditAction, AuditIntent, FinalOutcome } from "@/lib/audit/types";

/** An intent with no outcome event, as handed to the reconciler's callbacks. */
export interface OpenIntent extends AuditIntent {
  request: unknown;
  before: unknown;
}

/** Re-reads the order from Ingram (e.g. GET order details, or a search by customerOrderNumber for a create). */
export type ReadOrder = (orderNumber: string | null, intent: OpenIntent) => Promise<unknown>;

/** Time allowed past Ingram's deadline for the owner to write its outcome, and for clocks to differ. */
export const DEADLINE_MARGIN_MS = 5_000;

/** The age below which an intent's call may still be running at Ingram: never reconciled. */
export function callDeadlineMs(): number {
  return env.ingram.timeoutMs + DEADLINE_MARGIN_MS;
}

export interface OwnershipOptions {
  /** Only intents at least this old are reconciled. Default callDeadlineMs(); lower only in tests. */
  olderThanMs?: number;
  /** An owner whose heartbeat is older than this is gone. Default STALE_AFTER_MS. */
  staleAfterMs?: number;
  /**
   * Every owner is gone: true only where no other process can hold the database (the embedded database at
   * the launcher's start, before it serves Next.js).
   */
  ownersGone?: boolean;
}

export interface ReconcileOptions extends OwnershipOptions {
  db?: Db;
  spoolDir?: string;
  /** Decides the outcome from what was observed; default reconciledOutcome (reconcile-verdict.ts). */
  classify?: (intent: OpenIntent, observed: unknown) => FinalOutcome;
  limit?: number;
}

export interface ReconcileResult {
  reconciled: number;
  /** Outcomes that had to be spooled (database failed meanwhile). */
  spooled: number;
}

/**
 * Intents with no event whose intentId points at them, old enough that their Ingram call has ended, not
 * held open by a v7 order request still waiting for Ingram's result (order-request-outcome.ts settles those), and
 * whose owner is gone: no owner recorded (written before owners were), no heartbeat row, or a stale one
 * (compared on the database's clock). Oldest first.
 */
export async function findOrphanedIntents(
  db: Db,
  opts: OwnershipOptions & { limit?: number } = {},
): Promise<OpenIntent[]> {
  const cutoff = new Date(Date.now() - (opts.olderThanMs ?? callDeadlineMs()));
  const staleMs = Math.max(0, Math.round(opts.staleAfterMs ?? STALE_AFTER_MS));
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT i.id::text AS id FROM "audit_events" i
    LEFT JOIN "audit_instances" h ON h.id = i.instance_id
    WHERE i.outcome = 'intent' AND i.at <= ${cutoff}
      AND NOT EXISTS (SELECT 1 FROM "audit_events" o WHERE o.intent_id = i.id)
      AND NOT EXISTS (SELECT 1 FROM "order_requests" r
        WHERE r.intent_id = i.id AND r.status IN ('submitted', 'pending'))
      AND (${opts.ownersGone ?? false}::boolean OR i.instance_id IS NULL OR h.id IS NULL
        OR h.heartbeat_at < now() - (${staleMs}::int * interval '1 millisecond'))
    ORDER BY i.seq LIMIT ${opts.limit ?? 1000}`;
  const open = rows.map((r) => r.id);
  const intents = await db.auditEvent.findMany({ where: { id: { in: open } }, orderBy: { seq: "asc" } });
  return intents.map((r) => ({
    id: r.id,
    seq: Number(r.seq),
    at: r.at.toISOString(),
    actor: r.actorId !== null || r.actorEmail !== null ? { id: r.actorId ?? "", email: r.actorEmail ?? "" } : null,
    action: r.action as AuditAction,
    orderNumber: r.orderNumber,
    correlationId: r.correlationId ?? "",
    instanceId: r.instanceId,
    request: r.request,
    before: r.before,
  }));
}

/**
 * Closes intents whose owner died between the Ingram call and the outcome write (findOrphanedIntents); an
 * intent of a live instance is left to it. Flushes the spool first, so outcomes kept on disk win. Each
 * reconciled outcome repeats the intent's action and carries `request: { reconciled: true }` (plus
 * `readError` when the order could not be read); `after` is the order as observed now; outcome is
 * classify()'s verdict, "unknown" when nothing can be concluded. Should the owner's real outcome arrive
 * after all, it is stored as a correction of this one (appendEvent).
 */
export async function reconcileOpenIntents(
  readOrder: ReadOrder,
  opts: ReconcileOptions = {},
): Promise<ReconcileResult> {
  const db = opts.db ?? processDb;
  await flushSpool({ db, dir: opts.spoolDir });
  const classify = opts.classify ?? reconciledOutcome;
  const open = await findOrphanedIntents(db, opts);
  const result: ReconcileResult = { reconciled: 0, spooled: 0 };
  for (const intent of open) {
    let observed: unknown = null;
    let readError: string | undefined;
    let ingramStatus: number | null = null;
    try {
      observed = await readOrder(intent.orderNumber, intent);
    } catch (err) {
      readError = err instanceof Error ? err.message : String(err);
      const status = (err as { status?: unknown }).status;
      ingramStatus = typeof status === "number" && status > 0 ? status : null;
    }
    const outcome = readError === undefined ? classify(intent, observed) : "unknown";
    const r = await recordOutcome(
      intent,
      { outcome, after: observed, ingramStatus },
      { db, spoolDir: opts.spoolDir, reconciled: readError === undefined ? {} : { readError } },
    );
    if (r.spooled) result.spooled++;
    else result.reconciled++;
  }
  if (open.length) log("info", "audit: open intents reconciled", { ...result });
  return result;
}
