import "server-only";
import { db as processDb, type Db } from "@/lib/db";
import { log } from "@/lib/log";
import { recordOutcome } from "@/lib/audit/record";
import { flushSpool } from "@/lib/audit/spool";
import type { AuditAction, AuditIntent, FinalOutcome } from "@/lib/audit/types";

/** An intent with no outcome event, as handed to the reconciler's callbacks. */
export interface OpenIntent extends AuditIntent {
  request: unknown;
  before: unknown;
}

/** Re-reads the order from Ingram (e.g. GET order details, or a search by customerOrderNumber for a create). */
export type ReadOrder = (orderNumber: string | null, intent: OpenIntent) => Promise<unknown>;

export interface ReconcileOptions {
  db?: Db;
  spoolDir?: string;
  /**
   * Only intents at least this old are reconciled, so that another portal instance's call still in flight
   * is left alone. Default 60 s (above Ingram's timeout); 0 at a single instance's start-up is safe.
   */
  olderThanMs?: number;
  /** Decides the outcome from what was observed; default: succeeded for a cancel seen cancelled, else unknown. */
  classify?: (intent: OpenIntent, observed: unknown) => FinalOutcome;
  limit?: number;
}

export interface ReconcileResult {
  reconciled: number;
  /** Outcomes that had to be spooled (database failed meanwhile). */
  spooled: number;
}

function defaultClassify(intent: OpenIntent, observed: unknown): FinalOutcome {
  const status = (observed as { orderStatus?: unknown } | null)?.orderStatus;
  if (intent.action === "order.cancel" && typeof status === "string" && /cancel/i.test(status)) return "succeeded";
  return "unknown";
}

/** Intents with no event whose intentId points at them, oldest first. */
export async function findOpenIntents(db: Db, olderThanMs = 0, limit = 1000): Promise<OpenIntent[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT i.id::text AS id FROM "audit_events" i
    WHERE i.outcome = 'intent' AND i.at <= ${new Date(Date.now() - olderThanMs)}
      AND NOT EXISTS (SELECT 1 FROM "audit_events" o WHERE o.intent_id = i.id)
    ORDER BY i.seq LIMIT ${limit}`;
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
    request: r.request,
    before: r.before,
  }));
}

/**
 * Closes intents left without an outcome (a crash between the Ingram call and the outcome write). Flushes the
 * spool first, so outcomes kept on disk win. Each reconciled outcome repeats the intent's action and carries
 * `request: { reconciled: true }` (plus `readError` when the order could not be read); `after` is the order as
 * observed now; outcome is classify()'s verdict, "unknown" when nothing can be concluded.
 */
export async function reconcileOpenIntents(readOrder: ReadOrder, opts: ReconcileOptions = {}): Promise<ReconcileResult> {
  const db = opts.db ?? processDb;
  await flushSpool({ db, dir: opts.spoolDir });
  const classify = opts.classify ?? defaultClassify;
  const open = await findOpenIntents(db, opts.olderThanMs ?? 60_000, opts.limit ?? 1000);
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
