import "server-only";
import { recordOutcomeIf } from "@/lib/audit/record";
import type { AuditAction, AuditIntent } from "@/lib/audit/types";
import { newCorrelationId } from "@/lib/correlation-id";
import { db as processDb, type Db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import type { BudgetPriority } from "@/lib/ingram/call-policy";
import { type IngramClient, ingram } from "@/lib/ingram/client";
import { log } from "@/lib/log";
import type { Prisma } from "@/prisma/generated/client/client";
import { upstreamText } from "@/lib/redact";

// The final state of a v7 order request (POST /resellers/v7/orders), and its audit. The request's intent
// (order.create_async) stays open while Ingram processes it; its one outcome is written here, by whoever
// settles the request first: the result webhook (created, or failed with Ingram's reasons) or, when no result
// came within ORDER_REQUEST_PENDING_SECONDS, a search by the request's customer PO. Settling is one
// conditional update of the row (open → final), so with N instances, a webhook and a timeout racing, exactly
// one wins and writes the outcome.

/** States a request leaves only by being settled. */
export const OPEN_REQUEST_STATES = ["submitted", "pending"];

export const NEVER_CONFIRMED = "Ingram never confirmed this request: no order with its customer PO was found.";

export interface FinalRequestState {
  status: "created" | "failed";
  orderNumbers: string[];
  /** Ingram's reasons for a failure, as it gave them; redacted here before they are stored or shown. */
  reasons: string[];
  resolvedBy: "webhook" | "search";
  eventId?: string;
}

interface SettleOptions {
  db?: Db;
  correlationId?: string;
  /** States it may be settled from; default the open ones. */
  from?: string[];
}

/**
 * Moves an open request to its final state and writes its intent's outcome, in one transaction; false when it was
 * settled already. Throws when the database cannot take them (nothing is written; the request stays open).
 */
export async function settleOrderRequest(id: string, final: FinalRequestState, opts: SettleOptions = {}) {
  const db = opts.db ?? processDb;
  const from = opts.from ?? OPEN_REQUEST_STATES;
  const row = await db.orderRequest.findUnique({ where: { id } });
  if (!row || !from.includes(row.status)) return false;
  const reasons = final.reasons.map((r) => upstreamText(r)).filter(Boolean);
  const result = {
    ...(row.result && typeof row.result === "object" ? (row.result as object) : {}),
    resolvedBy: final.resolvedBy,
    reasons,
    ...(final.eventId ? { eventId: final.eventId } : {}),
  };
  // The row's move and the intent's outcome commit together: a crash or a lost connection between them can
  // leave neither a final request without its outcome nor an outcome for a request still open.
  const settle = async (tx: Prisma.TransactionClient) =>
    (
      await tx.orderRequest.updateMany({
        where: { id, status: { in: from } },
        data: { status: final.status, orderNumbers: final.orderNumbers, result },
      })
    ).count === 1;
  const intent = row.intentId ? await intentOf(db, row.intentId) : null;
  const settled = intent
    ? await recordOutcomeIf(
        intent,
        {
          outcome: final.status === "created" ? "succeeded" : "failed",
          orderNumber: final.orderNumbers[0] ?? null,
          after: { orderRequestId: id, status: final.status, orderNumbers: final.orderNumbers, ...result },
          ingramErrors: final.status === "failed" ? reasons.map((message) => ({ message })) : null,
        },
        settle,
        { db },
      )
    : await settle(db);
  if (!settled) return false;
  log("info", "order request settled", { correlationId: opts.correlationId, id, status: final.status });
  return true;
}

async function intentOf(db: Db, id: string): Promise<AuditIntent | null> {
  const r = await db.auditEvent.findUnique({ where: { id } });
  if (!r || r.outcome !== "intent") return null;
  return {
    id: r.id,
    seq: Number(r.seq),
    at: r.at.toISOString(),
    actor: r.actorId !== null || r.actorEmail !== null ? { id: r.actorId ?? "", email: r.actorEmail ?? "" } : null,
    action: r.action as AuditAction,
    orderNumber: r.orderNumber,
    correlationId: r.correlationId ?? newCorrelationId(),
    instanceId: r.instanceId,
  };
}

export interface ResolveOptions extends SettleOptions {
  /** Requests older than this are searched for; default ORDER_REQUEST_PENDING_SECONDS. */
  olderThanSeconds?: number;
  /** Only these requests (the one a reader opened). */
  ids?: string[];
  /** One instance searches per request per window: the claim it takes on the row. Default 60 s. */
  claimSeconds?: number;
  limit?: number;
  client?: () => IngramClient;
  priority?: BudgetPriority;
}

/** The day Ingram dated an order (yyyy-MM-dd from either of its date forms). */
const dayOf = (v: unknown) => (typeof v === "string" ? v.slice(0, 10) : "");

/**
 * Settles requests left open past the timeout by searching Ingram for their customer PO: found → created with
 * the order numbers, not found → failed ("Ingram never confirmed this request"). Orders dated before the request
 * (an older order with the same PO) do not count. Ingram failing leaves the request open for the next pass.
 * Returns how many this call settled.
 */
export async function resolveStaleOrderRequests(opts: ResolveOptions = {}): Promise<number> {
  const db = opts.db ?? processDb;
  const now = Date.now();
  const cutoff = new Date(now - (opts.olderThanSeconds ?? env.orderRequestPendingSeconds) * 1000);
  const rows = await db.orderRequest.findMany({
    where: {
      status: { in: OPEN_REQUEST_STATES },
      createdAt: { lte: cutoff },
      ...(opts.ids ? { id: { in: opts.ids } } : {}),
    },
    orderBy: { createdAt: "asc" },
    take: opts.limit ?? 20,
  });
  let settled = 0;
  for (const row of rows) {
    const claim = await db.orderRequest.updateMany({
      // The claim: one instance searches for this request per window; the settle decides all the same.
      where: {
        id: row.id,
        status: { in: OPEN_REQUEST_STATES },
        updatedAt: { lte: new Date(now - (opts.claimSeconds ?? 60) * 1000) },
      },
      data: { updatedAt: new Date() },
    });
    if (claim.count !== 1) continue;
    const correlationId = opts.correlationId ?? newCorrelationId();
    let found: string[];
    try {
      const res = await (opts.client ?? ingram)().searchOrders(
        { customerOrderNumber: row.customerOrderNumber, pageSize: 100, pageNumber: 1 },
        { correlationId, priority: opts.priority ?? "sync" },
      );
      const since = new Date(row.createdAt.getTime() - 86_400_000).toISOString().slice(0, 10);
      found = (res.data?.orders ?? [])
        .filter((o) => o?.customerOrderNumber === row.customerOrderNumber && dayOf(o?.ingramOrderDate) >= since)
        .map((o) => o?.ingramOrderNumber)
        .filter((n): n is string => typeof n === "string" && n !== "");
    } catch (err) {
      log("warn", "order request search failed; it stays open for the next pass", { correlationId, id: row.id, err });
      continue;
    }
    const final: FinalRequestState = found.length
      ? { status: "created", orderNumbers: [...new Set(found)], reasons: [], resolvedBy: "search" }
      : { status: "failed", orderNumbers: [], reasons: [NEVER_CONFIRMED], resolvedBy: "search" };
    if (await settleOrderRequest(row.id, final, { db, correlationId })) settled++;
  }
  return settled;
}
