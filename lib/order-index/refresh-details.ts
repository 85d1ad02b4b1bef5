import "server-only";
import { ZodError } from "zod";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { callContext } from "@/lib/orders/ingram-calls";
import { indexOrderDetail } from "./index-writes";
import { loadSyncState, type SyncContext } from "./sync-state";

// The details side of the sync: search rows carry no lines, serials or tracking, so each order is read once
// in full (newest first), then re-read on a schedule: active orders often, final ones (delivered, invoiced,
// closed, cancelled) rarely. Webhooks and the portal's own changes write details through at once, which
// resets an order's clock here.

export const FINAL_STATES = ["delivered", "invoiced", "closed", "cancelled"];
const IDLE_MS = 5_000;
/** Orders Ingram refuses to show (gone, or an id outside our allowlist) are set aside for this runner's life. */
const MAX_SKIPPED = 10_000;

async function nextOrder(ctx: SyncContext, skip: Set<string>): Promise<{ orderNumber: string; fresh: boolean } | null> {
  const now = ctx.now();
  const base = { ...ctx.account, parentOrderNumber: null, orderNumber: { notIn: [...skip] } };
  const unread = await ctx.db.indexedOrder.findFirst({
    where: { ...base, detailFetchedAt: null },
    orderBy: [{ orderDate: { sort: "desc", nulls: "last" } }, { orderNumber: "asc" }],
    select: { orderNumber: true },
  });
  if (unread) return { orderNumber: unread.orderNumber, fresh: true };
  const stale = await ctx.db.indexedOrder.findFirst({
    where: {
      ...base,
      OR: [
        { status: { notIn: FINAL_STATES }, detailFetchedAt: { lt: new Date(now - ctx.cfg.activeRefreshMs) } },
        { status: { in: FINAL_STATES }, detailFetchedAt: { lt: new Date(now - ctx.cfg.finalRefreshMs) } },
      ],
    },
    orderBy: { detailFetchedAt: "asc" },
    select: { orderNumber: true },
  });
  return stale ? { orderNumber: stale.orderNumber, fresh: false } : null;
}

/**
 * ANALYZE the index once a pass has filled it, before the pass counts as complete (the lists read the index from
 * then on). A first pass writes the whole history within minutes; until autovacuum's next analyze the planner
 * still sees an empty table and walks the wrong index for every list view (a page's sub-orders took 7 ms instead
 * of 0.3). Without the right to analyze (a role that does not own the table) PostgreSQL only warns.
 */
async function refreshPlannerStatistics(ctx: SyncContext): Promise<void> {
  await ctx.db.$executeRawUnsafe("ANALYZE order_index").catch(() => undefined);
}

async function passSearchDone(ctx: SyncContext): Promise<boolean> {
  const st = await loadSyncState(ctx.db, ctx.account);
  return st.passStartedAt !== null && st.searchDone;
}

/** Reads one order's details into the index and returns 0, or returns how long to wait when none is due. */
export async function detailStep(ctx: SyncContext, skip: Set<string>): Promise<number> {
  // Whether the pass's search is done is read before looking for unread orders, never after: a search page
  // committed in between (its orders unread, the search then done) must not end the pass before they are read.
  const searchDone = await passSearchDone(ctx);
  const target = await nextOrder(ctx, skip);
  if (!target?.fresh) {
    // Every order the pass found has its details: the full pass is complete (scheduled re-reads go on).
    if (searchDone) {
      await refreshPlannerStatistics(ctx);
      await ctx.save({ passStartedAt: null, lastFullPassAt: new Date(ctx.now()) });
    }
    if (!target) {
      await ctx.save({});
      return IDLE_MS;
    }
  }
  await ctx.pace("get");
  try {
    const res = await ctx.client.getOrder(target.orderNumber, {}, callContext(undefined, { priority: "sync" }));
    await indexOrderDetail(ctx.db, ctx.account, res.data, "details", new Date(ctx.now()));
  } catch (err) {
    const refused =
      err instanceof ZodError || (err instanceof IngramError && (err.status === 400 || err.status === 404));
    if (!refused) throw err;
    if (skip.size < MAX_SKIPPED) skip.add(target.orderNumber);
    await ctx.save({ lastError: `Order ${target.orderNumber}: ${describe(err)}`, lastErrorAt: new Date(ctx.now()) });
  }
  return 0;
}

export function describe(err: unknown): string {
  if (err instanceof IngramError) return err.message;
  if (err instanceof ZodError) return "not a valid Ingram order number";
  return "unexpected error";
}
