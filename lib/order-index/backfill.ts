import "server-only";
import { callContext } from "@/lib/orders/ingram-calls";
import { indexSearchPage } from "./index-writes";
import type { SyncContext } from "./sync-state";

// The search side of the sync: a full pass reads every order of the configured history through search pages
// of 100 over one explicit order-date range (Ingram's search without a filter covers only about 20 days);
// between pages, a recent-window search picks up new orders. Search answers newest first, so orders created
// during a pass push older ones to later pages: a pass may read an order twice but misses none.

export const PAGE_SIZE = 100;
/** The recent window: today and the two days before (Ingram's dates are calendar days). */
const RECENT_DAYS = 2;
const MAX_RECENT_PAGES = 5;
const DAY_MS = 86_400_000;

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface PageResult {
  recordsFound: number;
  more: boolean;
}

async function searchPage(ctx: SyncContext, from: string, to: string, pageNumber: number): Promise<PageResult> {
  await ctx.pace("search");
  const res = await ctx.client.searchOrders(
    { "ingramOrderDate-bt": [from, to], pageSize: PAGE_SIZE, pageNumber },
    callContext(undefined, { priority: "sync" }),
  );
  const data = res.data;
  const written = await indexSearchPage(ctx.db, ctx.account, data, new Date(ctx.now()));
  const recordsFound = Number(data?.recordsFound ?? 0) || 0;
  return { recordsFound, more: written > 0 && pageNumber * PAGE_SIZE < recordsFound };
}

/**
 * Does the next piece of search work and returns 0, or returns how long to wait when there is none: the
 * recent window when it is due, else the next page of the pass in progress, else a new pass when one is due.
 */
export async function searchStep(ctx: SyncContext, turn: { recentLast: boolean }): Promise<number> {
  const st = await ctx.save({});
  const now = ctx.now();
  const recentDue = st.lastRecentAt ? st.lastRecentAt.getTime() + ctx.cfg.recentMs : 0;
  // The first page of a pass covers the recent window already; the recent search starts after it.
  const recentAllowed = st.passStartedAt ? st.nextPage > 1 : st.lastFullPassAt !== null;
  // Recent and pass pages take turns, so a recent search that outlasts its own interval cannot starve the pass.
  if (recentAllowed && now >= recentDue && !(turn.recentLast && st.passStartedAt && !st.searchDone)) {
    turn.recentLast = true;
    const from = ymd(now - RECENT_DAYS * DAY_MS);
    const to = ymd(now);
    for (let page = 1; page <= MAX_RECENT_PAGES; page++) {
      if (!(await searchPage(ctx, from, to, page)).more) break;
    }
    await ctx.save({ lastRecentAt: new Date(now) });
    return 0;
  }
  turn.recentLast = false;
  if (st.passStartedAt && !st.searchDone && st.passFrom && st.passTo) {
    const r = await searchPage(ctx, st.passFrom, st.passTo, st.nextPage);
    await ctx.save({
      nextPage: st.nextPage + 1,
      searchDone: !r.more,
      ...(st.nextPage === 1 ? { estimatedTotal: r.recordsFound, lastRecentAt: new Date(now) } : {}),
    });
    return 0;
  }
  const passDue = st.lastFullPassAt ? st.lastFullPassAt.getTime() + ctx.cfg.fullPassMs : 0;
  if (!st.passStartedAt && now >= passDue) {
    await ctx.save({
      passStartedAt: new Date(now),
      passFrom: ymd(now - ctx.cfg.historyDays * DAY_MS),
      passTo: ymd(now),
      nextPage: 1,
      searchDone: false,
    });
    return 0;
  }
  const next = st.passStartedAt ? recentDue : Math.min(recentDue, passDue);
  return Math.max(1_000, next - now);
}
