import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { pruneInstances } from "@/lib/audit/heartbeat";
import {
  callDeadlineMs,
  findOrphanedIntents,
  reconcileOpenIntents,
  type OpenIntent,
  type OwnershipOptions,
} from "@/lib/audit/reconcile";
import { ingram } from "@/lib/ingram/client";
import { log } from "@/lib/log";

function customerOrderNumberOf(intent: OpenIntent): string | null {
  const input = (intent.request as { input?: { customerOrderNumber?: unknown } } | null)?.input;
  return typeof input?.customerOrderNumber === "string" ? input.customerOrderNumber : null;
}

function ctx(intent: OpenIntent) {
  const id = /^[0-9a-f]{32}$/.test(intent.correlationId) ? intent.correlationId : randomBytes(16).toString("hex");
  // Background work: it waits behind users' changes and reads in the shared Ingram budget.
  return { correlationId: id, priority: "sync" as const };
}

/**
 * What Ingram shows now: the order's details for a modify, release or cancel; for a create, the orders Ingram
 * holds under the intent's customer PO (`{ customerOrderNumber, ordersFound }`).
 */
export async function readOrderFromIngram(orderNumber: string | null, intent: OpenIntent): Promise<unknown> {
  if (orderNumber) return (await ingram().getOrder(orderNumber, {}, ctx(intent))).data;
  const po = customerOrderNumberOf(intent);
  if (!po) return null;
  const res = await ingram().searchOrders({ customerOrderNumber: po, pageSize: 100, pageNumber: 1 }, ctx(intent));
  const orders = (res.data?.orders ?? []).filter((o) => o?.customerOrderNumber === po);
  return { customerOrderNumber: po, ordersFound: orders.map((o) => ({ orderNumber: o?.ingramOrderNumber ?? null })) };
}

/**
 * One reconciliation pass: writes outcomes spooled to disk while the database was down, then closes intents
 * whose owner is gone and whose Ingram deadline has passed, from what Ingram shows now. Never throws.
 */
export async function recoverAudit(db: Db, opts: OwnershipOptions = {}): Promise<void> {
  try {
    const result = await reconcileOpenIntents(readOrderFromIngram, { db, ...opts });
    if (result.reconciled) log("info", "audit intents reconciled", { ...result });
    await pruneInstances(db);
  } catch (err) {
    log("warn", "audit reconciliation could not finish; it runs again on the next pass", { err });
  }
}

/**
 * The start-up pass of the embedded database's launcher: no other process can hold that database, so every
 * owner is gone; intents still inside Ingram's deadline are waited for, then closed in a second pass.
 */
export async function recoverEmbeddedAudit(db: Db): Promise<void> {
  await recoverAudit(db, { ownersGone: true });
  const open = await findOrphanedIntents(db, { ownersGone: true, olderThanMs: 0, limit: 1 }).catch(() => []);
  if (!open.length) return;
  const youngest = await db.auditEvent.findFirst({
    where: { outcome: "intent" },
    orderBy: { seq: "desc" },
    select: { at: true },
  });
  const waitMs = Math.max(0, (youngest?.at.getTime() ?? 0) + callDeadlineMs() - Date.now());
  if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
  await recoverAudit(db, { ownersGone: true });
}

/**
 * Runs recoverAudit every intervalMs, so an instance that dies is reconciled by its neighbours without a
 * restart. Returns a function that stops it and waits for a pass in progress.
 */
export function startAuditReconciler(db: Db, intervalMs = 30_000): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => recoverAudit(db));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
