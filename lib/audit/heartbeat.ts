import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";

// Who owns an open intent. Each process has an instance id, stamped on every intent it writes. While it has
// a change in flight it refreshes its row in audit_instances every HEARTBEAT_MS; the reconciler of any
// instance closes an intent only when its owner's row is older than STALE_AFTER_MS (or missing). A heartbeat
// row in PostgreSQL was chosen over an advisory lock held by the in-flight call: a session lock would pin one
// pooled connection per call for up to Ingram's deadline, and the embedded database has one connection.

export const HEARTBEAT_MS = 5_000;
/** Three missed beats: the owner is gone (crashed, killed, or cut off from the database). */
export const STALE_AFTER_MS = 3 * HEARTBEAT_MS;

/**
 * Longest a change may hold the heartbeat: Ingram's deadline plus the outcome write's own bounds (the
 * database's wait, then the spool) fit well within it. A change that never reports its outcome (a bug)
 * stops protecting its intent after this, so a reconciler can close it.
 */
export const MAX_HOLD_MS = 120_000;

/** This process's instance id. */
export const processInstanceId: string = randomUUID();

interface Lease {
  db: Db;
  inFlight: number;
  timer: NodeJS.Timeout | null;
  lastBeat: number;
  /** When a change last took the lease. */
  lastHeld: number;
  /** The beat being written: concurrent intents share it rather than each writing one. */
  pending: Promise<void> | null;
}

const leases = new Map<string, Lease>();

/** Writes the instance's heartbeat with the database's clock (one clock for every instance). */
export async function beat(db: Db, instanceId: string): Promise<void> {
  await db.$executeRaw`INSERT INTO "audit_instances" (id, started_at, heartbeat_at) VALUES (${instanceId}::uuid, now(), now())
    ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()`;
}

/**
 * Called before an intent is written: beats now (throws when the database cannot take it, so the caller
 * refuses the change) and keeps beating until every change of this instance has its outcome.
 */
export async function holdLease(db: Db, instanceId = processInstanceId): Promise<void> {
  let lease = leases.get(instanceId);
  if (!lease)
    leases.set(instanceId, (lease = { db, inFlight: 0, timer: null, lastBeat: 0, lastHeld: 0, pending: null }));
  lease.db = db;
  if (Date.now() - lease.lastBeat > HEARTBEAT_MS / 2) {
    const l = lease;
    l.pending ??= beat(db, instanceId)
      .then(() => void (l.lastBeat = Date.now()))
      .finally(() => void (l.pending = null));
    await l.pending;
  }
  lease.inFlight++;
  lease.lastHeld = Date.now();
  if (!lease.timer) {
    const l = lease;
    l.timer = setInterval(() => {
      if (Date.now() - l.lastHeld > MAX_HOLD_MS) {
        log("warn", "audit heartbeat stopped: changes reported no outcome in time", {
          instanceId,
          inFlight: l.inFlight,
        });
        clearInterval(l.timer!);
        l.timer = null;
        l.inFlight = 0;
        return;
      }
      beat(l.db, instanceId).then(
        () => void (l.lastBeat = Date.now()),
        (err) => log("warn", "audit heartbeat could not be written", { err, instanceId }),
      );
    }, HEARTBEAT_MS);
    l.timer.unref();
  }
}

/** Called when a change's outcome is written (or spooled): the last one stops the beats. */
export function releaseLease(instanceId = processInstanceId): void {
  const lease = leases.get(instanceId);
  if (!lease || lease.inFlight === 0) return;
  lease.inFlight--;
  if (lease.inFlight === 0 && lease.timer) {
    clearInterval(lease.timer);
    lease.timer = null;
  }
}

/** The instance stops beating at once, changes in flight or not (a crash, as seen by the other instances). */
export function abandonLease(instanceId: string): void {
  const lease = leases.get(instanceId);
  if (lease?.timer) clearInterval(lease.timer);
  leases.delete(instanceId);
}

/** Removes heartbeat rows of instances silent for a day (they own no open intent that is still young). */
export async function pruneInstances(db: Db, olderThanMs = 86_400_000): Promise<number> {
  return db.auditInstance
    .deleteMany({ where: { heartbeatAt: { lt: new Date(Date.now() - olderThanMs) } } })
    .then((r) => r.count);
}
