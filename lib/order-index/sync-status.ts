import "server-only";
import { type Actor, requirePermission } from "@/lib/authz";
import type { Db } from "@/lib/db";
import type { IndexAccount } from "./index-writes";

// What admins see of the sync: progress against Ingram's own count, the last full pass, the last error, and
// the sync's calls in the current minute against its share of each endpoint's budget.

const LEADER_SILENT_MS = 120_000;
const RECENT_ERROR_MS = 600_000;

export interface SyncStatus {
  /** Orders (not sub-orders) in the index, and how many of them have their full details. */
  indexed: number;
  detailed: number;
  /** Ingram's recordsFound for the history the current (or last) pass covers. */
  estimatedTotal: number | null;
  passStartedAt: Date | null;
  passRange: { from: string; to: string } | null;
  lastFullPassAt: Date | null;
  /** The last error and whether it is recent (within ten minutes): older ones are history, not health. */
  lastError: { message: string; at: Date | null; recent: boolean } | null;
  leaderId: string | null;
  /** When the leader last wrote its state. */
  heartbeatAt: Date | null;
  /** False when no leader has written its state for two minutes (no instance leads, or it is stuck). */
  leaderReporting: boolean;
  /** The sync's calls in the minute that started at `minute`; zero when that minute is over. */
  calls: { minute: Date | null; search: number; details: number };
}

export async function readSyncStatus(db: Db, account: IndexAccount, now = Date.now()): Promise<SyncStatus> {
  const parents = { ...account, parentOrderNumber: null };
  const [st, indexed, detailed] = await Promise.all([
    db.syncState.findUnique({ where: { customerNumber_countryCode: { ...account } } }),
    db.indexedOrder.count({ where: parents }),
    db.indexedOrder.count({ where: { ...parents, detailFetchedAt: { not: null } } }),
  ]);
  const current = !!st?.callsMinute && now - st.callsMinute.getTime() < 60_000;
  return {
    indexed,
    detailed,
    estimatedTotal: st?.estimatedTotal ?? null,
    passStartedAt: st?.passStartedAt ?? null,
    passRange: st?.passStartedAt && st.passFrom && st.passTo ? { from: st.passFrom, to: st.passTo } : null,
    lastFullPassAt: st?.lastFullPassAt ?? null,
    lastError: st?.lastError
      ? {
          message: st.lastError,
          at: st.lastErrorAt,
          recent: !!st.lastErrorAt && now - st.lastErrorAt.getTime() <= RECENT_ERROR_MS,
        }
      : null,
    leaderId: st?.leaderId ?? null,
    heartbeatAt: st?.heartbeatAt ?? null,
    leaderReporting: !!st?.heartbeatAt && now - st.heartbeatAt.getTime() <= LEADER_SILENT_MS,
    calls: {
      minute: current ? (st?.callsMinute ?? null) : null,
      search: current ? (st?.searchCalls ?? 0) : 0,
      details: current ? (st?.detailCalls ?? 0) : 0,
    },
  };
}

/** The sync's status for the admin panel (users.manage). */
export async function getSyncStatus(actor: Actor, db: Db, account: IndexAccount): Promise<SyncStatus> {
  requirePermission(actor, "users.manage");
  return readSyncStatus(db, account);
}
