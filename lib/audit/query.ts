import "server-only";
import { can, requirePermission, type Actor } from "@/lib/authz";
import { db as processDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/prisma/generated/client/client";
import { zodFields } from "@/lib/validation/fields";
import { auditFiltersSchema, dateBounds, type AuditFilters } from "@/lib/validation/audit-filters";
import { csvLine } from "@/lib/csv";
import { diffOrders } from "@/lib/audit/diff";
import { toView } from "@/lib/audit/view";
import { type AuditEventView, type OrderDiff, storedActionsMatching } from "@/lib/audit/types";

export interface QueryOptions {
  db?: Db;
}

export interface AuditPage {
  rows: AuditEventView[];
  /** Events matching the filters (all pages). */
  total: number;
  page: number;
  pageSize: number;
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface AuditEventDetail {
  event: AuditEventView;
  /** The intent an outcome closes, or null. */
  intent: AuditEventView | null;
  /** The outcome(s) of an intent, oldest first. */
  outcomes: AuditEventView[];
  /** Order before (from the intent) vs after (from the outcome); null when either side is missing. */
  diff: OrderDiff | null;
}

const TIMELINE_LIMIT = 1000;
const CSV_BATCH = 500;
export const AUDIT_CSV_COLUMNS = [
  "seq",
  "at",
  "actor_email",
  "actor_id",
  "action",
  "order_number",
  "outcome",
  "ingram_status",
  "ingram_errors",
  "request",
  "intent_id",
  "correlation_id",
  "id",
  "prev_hash",
  "hash",
] as const;

function parseFilters(input: unknown): AuditFilters {
  const parsed = auditFiltersSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new AppError("validation_failed", "Check the filters.", { fields: zodFields(parsed.error) });
  }
  return parsed.data;
}

/** Ingram order numbers are upper case; matching both spellings keeps the (order_number, seq) index usable. */
function orderNumberMatch(n: string): Prisma.StringNullableFilter {
  return { in: [...new Set([n, n.toUpperCase()])] };
}

/** Events about users (sign-ins, failed ones included, and user management), under today's and older names. */
const USER_EVENTS: Prisma.AuditEventWhereInput = { action: { startsWith: "user." } };

/** What an actor may read of the audit log: everything with audit.read_users, else all but the user events. */
function visibleTo(actor: Actor): Prisma.AuditEventWhereInput {
  return can(actor, "audit.read_users") ? {} : { NOT: USER_EVENTS };
}

function isUserEvent(action: string): boolean {
  return action.startsWith("user.");
}

function whereOf(f: AuditFilters, actor: Actor): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = { AND: [visibleTo(actor)] };
  if (f.orderNumber) where.orderNumber = orderNumberMatch(f.orderNumber);
  if (f.actor) where.actorEmail = { contains: f.actor, mode: "insensitive" };
  if (f.action) where.action = { in: storedActionsMatching(f.action) };
  if (f.outcome) where.outcome = f.outcome;
  const { gte, lt } = dateBounds(f);
  if (gte || lt) where.at = { gte, lt };
  return where;
}

/** Audit events matching the filters, newest first (requires audit.read). */
export async function listAuditEvents(
  actor: Actor | null,
  filters: unknown,
  opts: QueryOptions = {},
): Promise<AuditPage> {
  requirePermission(actor, "audit.read");
  const f = parseFilters(filters);
  const db = opts.db ?? processDb;
  const where = whereOf(f, actor);
  const pageWhere = f.cursor ? { AND: [where, { seq: { lt: BigInt(f.cursor) } }] } : where;
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where: pageWhere,
      orderBy: { seq: "desc" },
      take: f.pageSize,
      skip: f.cursor ? 0 : (f.page - 1) * f.pageSize,
    }),
    db.auditEvent.count({ where }),
  ]);
  const last = rows.at(-1);
  return {
    rows: rows.map(toView),
    total,
    page: f.page,
    pageSize: f.pageSize,
    nextCursor: rows.length === f.pageSize && last ? String(last.seq) : null,
  };
}

/** One event by seq ("42") or id (uuid), with its linked intent/outcomes and the order diff. */
export async function getAuditEvent(
  actor: Actor | null,
  seqOrId: string,
  opts: QueryOptions = {},
): Promise<AuditEventDetail> {
  requirePermission(actor, "audit.read");
  const db = opts.db ?? processDb;
  const key = String(seqOrId).trim();
  const where = /^[1-9]\d{0,17}$/.test(key)
    ? { seq: BigInt(key) }
    : /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key)
      ? { id: key.toLowerCase() }
      : null;
  const row = where ? await db.auditEvent.findUnique({ where }) : null;
  if (!row || (isUserEvent(row.action) && !can(actor, "audit.read_users"))) {
    throw new AppError("not_found", "No such audit event.");
  }
  const [intentRow, outcomeRows] = await Promise.all([
    row.intentId ? db.auditEvent.findUnique({ where: { id: row.intentId } }) : null,
    row.outcome === "intent"
      ? db.auditEvent.findMany({ where: { intentId: row.id }, orderBy: { seq: "asc" } })
      : Promise.resolve([]),
  ]);
  const before = row.before ?? intentRow?.before ?? null;
  const after = row.after ?? outcomeRows.at(-1)?.after ?? null;
  return {
    event: toView(row),
    intent: intentRow ? toView(intentRow) : null,
    outcomes: outcomeRows.map(toView),
    diff: before !== null && after !== null ? diffOrders(before, after) : null,
  };
}

/** Every event about one order, oldest first, including intents whose outcome named the order (creates). */
export async function orderTimeline(
  actor: Actor | null,
  orderNumber: string,
  opts: QueryOptions = {},
): Promise<AuditEventView[]> {
  requirePermission(actor, "audit.read");
  const db = opts.db ?? processDb;
  const rows = await db.auditEvent.findMany({
    where: { AND: [{ orderNumber: orderNumberMatch(orderNumber) }, visibleTo(actor)] },
    orderBy: { seq: "asc" },
    take: TIMELINE_LIMIT,
  });
  const have = new Set(rows.map((r) => r.id));
  const missing = [...new Set(rows.map((r) => r.intentId).filter((id): id is string => !!id && !have.has(id)))];
  const intents = missing.length ? await db.auditEvent.findMany({ where: { id: { in: missing } } }) : [];
  return [...rows, ...intents].sort((a, b) => (a.seq < b.seq ? -1 : 1)).map(toView);
}

/**
 * The filtered events as CSV lines (header first), newest first, read in batches. Permission and filters are
 * checked when called, before the first line. `before`/`after` orders are left out (see the event page).
 */
export function auditCsv(actor: Actor | null, filters: unknown, opts: QueryOptions = {}): AsyncIterable<string> {
  requirePermission(actor, "audit.read");
  const f = parseFilters(filters);
  const db = opts.db ?? processDb;
  const where = whereOf(f, actor);
  return (async function* lines() {
    yield csvLine(AUDIT_CSV_COLUMNS);
    let cursor: bigint | null = null;
    for (;;) {
      const batch: Awaited<ReturnType<typeof db.auditEvent.findMany>> = await db.auditEvent.findMany({
        where: cursor === null ? where : { AND: [where, { seq: { lt: cursor } }] },
        orderBy: { seq: "desc" },
        take: CSV_BATCH,
      });
      for (const r of batch) {
        yield csvLine([
          r.seq,
          r.at,
          r.actorEmail,
          r.actorId,
          r.action,
          r.orderNumber,
          r.outcome,
          r.ingramStatus,
          r.ingramErrors,
          r.request,
          r.intentId,
          r.correlationId,
          r.id,
          r.prevHash,
          r.hash,
        ]);
      }
      if (batch.length < CSV_BATCH) return;
      cursor = batch.at(-1)!.seq;
    }
  })();
}
