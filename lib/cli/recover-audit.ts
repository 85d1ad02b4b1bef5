import "server-only";
import type { Db } from "@/lib/db";
import { reconcileOpenIntents, type OpenIntent } from "@/lib/audit/reconcile";
import type { FinalOutcome } from "@/lib/audit/types";
import { log } from "@/lib/log";
import { resolveUnknownCreate } from "@/lib/orders/create-order";
import { fetchIngramOrder } from "@/lib/orders/ingram-calls";

function customerOrderNumberOf(intent: OpenIntent): string | null {
  const input = (intent.request as { input?: { customerOrderNumber?: unknown } } | null)?.input;
  return typeof input?.customerOrderNumber === "string" ? input.customerOrderNumber : null;
}

/** What Ingram shows now: the order for a change, or the orders under the PO for a create. */
async function readOrder(orderNumber: string | null, intent: OpenIntent): Promise<unknown> {
  if (orderNumber) return fetchIngramOrder(orderNumber, intent.correlationId);
  const po = customerOrderNumberOf(intent);
  if (!po) return null;
  return { customerOrderNumber: po, ordersFound: await resolveUnknownCreate(po, intent.correlationId) };
}

function classify(intent: OpenIntent, observed: unknown): FinalOutcome {
  const status = String((observed as { orderStatus?: unknown } | null)?.orderStatus ?? "");
  switch (intent.action) {
    case "order.create":
    case "order.create_async": {
      const found = (observed as { ordersFound?: unknown[] } | null)?.ordersFound ?? [];
      return found.length > 0 ? "succeeded" : "unknown";
    }
    case "order.cancel":
      return /cancel/i.test(status) ? "succeeded" : "unknown";
    case "order.release":
      return status && !/hold/i.test(status) ? "succeeded" : "unknown";
    default:
      return "unknown";
  }
}

/**
 * At start-up: writes outcomes spooled to disk while the database was down, then closes intents left without
 * an outcome (a crash between the Ingram call and the outcome write) by re-reading the order from Ingram.
 * Only this instance is starting, so every open intent is orphaned (olderThanMs 0).
 */
export async function recoverAudit(db: Db): Promise<void> {
  try {
    const result = await reconcileOpenIntents(readOrder, { db, classify, olderThanMs: 0 });
    if (result.reconciled) log("info", "audit intents reconciled", { ...result });
  } catch (err) {
    log("warn", "audit reconciliation could not finish; it runs again at the next start", { err });
  }
}
