import "server-only";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";

/**
 * How long rows that only serve a short-lived purpose are kept (by the database's clock):
 * - login_throttle: a day after its window opened, once no lock is running (windows last 15 minutes);
 * - idempotency_records: 7 days; a create re-sent with the same key after that is a new create;
 * - webhook_events: 30 days; Ingram redelivers within hours, and a later replay only re-reads the order.
 */
export const RETENTION = { loginThrottle: "1 day", idempotencyRecords: "7 days", webhookEvents: "30 days" } as const;

export interface Pruned {
  loginThrottle: number;
  idempotencyRecords: number;
  webhookEvents: number;
}

/** Deletes the rows past their retention; audit rows are never touched. */
export async function pruneExpiredRows(db: Db): Promise<Pruned> {
  const loginThrottle = await db.$executeRaw`
    DELETE FROM "login_throttle"
    WHERE "window_start" < now() - ${RETENTION.loginThrottle}::interval
      AND ("locked_until" IS NULL OR "locked_until" < now())`;
  const idempotencyRecords = await db.$executeRaw`
    DELETE FROM "idempotency_records" WHERE "created_at" < now() - ${RETENTION.idempotencyRecords}::interval`;
  const webhookEvents = await db.$executeRaw`
    DELETE FROM "webhook_events" WHERE "received_at" < now() - ${RETENTION.webhookEvents}::interval`;
  return { loginThrottle, idempotencyRecords, webhookEvents };
}

const PRUNE_EVERY_MS = 60 * 60 * 1000;
const lastPruned = new WeakMap<Db, number>();

/**
 * Prunes in the background at most once an hour per process and database: called where these tables are
 * written, so every running instance keeps them bounded without a scheduler. Failures are logged, never thrown;
 * the promise (null when not due) settles when the pruning is done.
 */
export function pruneIfDue(db: Db, now = Date.now()): Promise<void> | null {
  const last = lastPruned.get(db);
  if (last !== undefined && now - last < PRUNE_EVERY_MS) return null;
  lastPruned.set(db, now);
  return pruneExpiredRows(db).then(
    (n) => {
      if (n.loginThrottle + n.idempotencyRecords + n.webhookEvents > 0) log("info", "pruned expired rows", { ...n });
    },
    (err: unknown) => log("warn", "pruning expired rows failed", { err }),
  );
}
