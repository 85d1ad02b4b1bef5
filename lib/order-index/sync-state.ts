import "server-only";
import type { Db } from "@/lib/db";
import type { IngramClient } from "@/lib/ingram/client";
import type { Prisma, SyncState } from "@/prisma/generated/client/client";
import type { IndexAccount } from "./index-writes";

// The sync's row in sync_state (one per Ingram account), and the sync's own count of its calls per minute.

const key = (a: IndexAccount) => ({ customerNumber_countryCode: { ...a } });

export async function loadSyncState(db: Db, account: IndexAccount): Promise<SyncState> {
  return db.syncState.upsert({ where: key(account), create: { ...account }, update: {} });
}

export async function saveSyncState(
  db: Db,
  account: IndexAccount,
  data: Prisma.SyncStateUpdateInput,
): Promise<SyncState> {
  return db.syncState.upsert({
    where: key(account),
    create: { ...account, ...(data as Prisma.SyncStateUncheckedCreateInput) },
    update: data,
  });
}

export type SyncEndpoint = "search" | "get";

/** Counts the sync's calls per endpoint in the current minute; the counts go to sync_state with each save. */
export class CallCounter {
  private minute = 0;
  private counts: Record<SyncEndpoint, number> = { search: 0, get: 0 };

  constructor(private readonly now: () => number) {}

  count(op: SyncEndpoint): void {
    this.roll();
    this.counts[op]++;
  }

  /** The fields to store: the minute's start and its counts. */
  fields(): { callsMinute: Date; searchCalls: number; detailCalls: number } {
    this.roll();
    return { callsMinute: new Date(this.minute), searchCalls: this.counts.search, detailCalls: this.counts.get };
  }

  private roll(): void {
    const minute = Math.floor(this.now() / 60_000) * 60_000;
    if (minute !== this.minute) {
      this.minute = minute;
      this.counts = { search: 0, get: 0 };
    }
  }
}

/** The sync's settings (lib/env.mjs `sync`, or a test's own). */
export interface SyncConfig {
  historyDays: number;
  callsPerMinute: number;
  recentMs: number;
  activeRefreshMs: number;
  finalRefreshMs: number;
  fullPassMs: number;
}

/** What one leader's work loops share. */
export interface SyncContext {
  db: Db;
  account: IndexAccount;
  cfg: SyncConfig;
  client: IngramClient;
  now(): number;
  /** Waits for the sync's share of the endpoint's calls, then counts the call; rejects once the sync stops. */
  pace(op: SyncEndpoint): Promise<void>;
  /** Saves state with the current call counts and a heartbeat. */
  save(data: Prisma.SyncStateUpdateInput): Promise<SyncState>;
}
