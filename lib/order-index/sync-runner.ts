import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@/lib/db";
import { RatePacer } from "./sync-pacer";
import { type IngramClient, ingram } from "@/lib/ingram/client";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { log } from "@/lib/log";
import { resolveStaleOrderRequests } from "@/lib/orders/order-request-outcome";
import { searchStep } from "./backfill";
import type { IndexAccount } from "./index-writes";
import { describe, detailStep } from "./refresh-details";
import { startLeadership } from "./sync-leader";
import { CallCounter, type SyncConfig, type SyncContext, type SyncEndpoint, saveSyncState } from "./sync-state";

// The sync runs in every instance; only the leader works. While it leads, three loops run: search (the backfill
// pass and the recent window) and details (first reads, then scheduled re-reads), each paced to the sync's
// share of its endpoint's calls a minute so that people using the portal keep the rest; and v7 order requests
// left pending past their timeout are settled by a search for their PO.

export interface SyncClock {
  now(): number;
  /** Resolves after `ms`, or rejects once `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface SyncOptions extends SyncConfig {
  db: Db;
  account: IndexAccount;
  /** The leader lock's PostgreSQL URL; null on the embedded database (one instance). */
  lockUrl: string | null;
  client?: () => IngramClient;
  leaderRetryMs?: number;
  /** Pause after a failed step (Ingram or the database down); default 30 s. */
  errorBackoffMs?: number;
  clock?: SyncClock;
}

export interface SyncRunner {
  readonly instanceId: string;
  isLeader(): boolean;
  stop(): Promise<void>;
}

const realClock: SyncClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }),
};

const SYNC_CALL = { priority: "sync" } as const;

export function startSync(opts: SyncOptions): SyncRunner {
  const instanceId = randomUUID();
  const clock = opts.clock ?? realClock;
  let work: { abort: AbortController; done: Promise<void> } | null = null;

  const lead = () => {
    const abort = new AbortController();
    const ctx = context(opts, clock, abort.signal);
    const loop = (name: string, step: () => Promise<number>) => runLoop(name, step, ctx, clock, opts, abort.signal);
    const skip = new Set<string>();
    const turn = { recentLast: false };
    const done = ctx
      .save({ leaderId: instanceId, leaderSince: new Date(clock.now()) })
      .then(() =>
        Promise.all([
          loop("search", () => searchStep(ctx, turn)),
          loop("details", () => detailStep(ctx, skip)),
          loop("order requests", () => orderRequestStep(ctx)),
        ]),
      )
      .then(
        () => undefined,
        (err: unknown) => log("error", "sync could not start", { err }),
      );
    work = { abort, done };
    log("info", "sync: this instance leads", { instanceId });
  };

  const follow = async () => {
    const w = work;
    work = null;
    w?.abort.abort(new Error("sync leadership ended"));
    await w?.done;
  };

  const leadership = startLeadership({
    url: opts.lockUrl,
    key: `orderdesk-sync:${opts.account.customerNumber}:${opts.account.countryCode}`,
    retryMs: opts.leaderRetryMs,
    onChange: (leader) => (leader ? lead() : void follow()),
  });

  return {
    instanceId,
    isLeader: () => leadership.isLeader() && work !== null,
    async stop() {
      await follow();
      await leadership.stop();
    },
  };
}

/** How often the leader looks for v7 order requests left pending past their timeout. */
const ORDER_REQUEST_PASS_MS = 30_000;

/** The leader settles v7 order requests Ingram never answered (order-request-outcome.ts), one pass a while. */
async function orderRequestStep(ctx: SyncContext): Promise<number> {
  await resolveStaleOrderRequests({ db: ctx.db, client: () => ctx.client });
  return ORDER_REQUEST_PASS_MS;
}

function context(opts: SyncOptions, clock: SyncClock, signal: AbortSignal): SyncContext {
  // A second more than Ingram's minute: a call still in flight when its minute turns lands within the share.
  const pacer = new RatePacer({ limit: opts.callsPerMinute, windowMs: 61_000, now: clock.now });
  const counter = new CallCounter(clock.now);
  const client = (opts.client ?? ingram)();
  return {
    db: opts.db,
    account: opts.account,
    cfg: opts,
    client,
    now: clock.now,
    async pace(op: SyncEndpoint) {
      // The slot is taken only when the call goes, after every wait, so the sync's own window counts calls at the
      // time they are sent, not when they were first planned.
      for (;;) {
        // The shared budget: wait until a sync call fits what people's calls leave, instead of being refused.
        for (
          let wait = await client.budgetWait(op, SYNC_CALL);
          wait > 0;
          wait = await client.budgetWait(op, SYNC_CALL)
        ) {
          await clock.sleep(wait, signal);
        }
        const slot = pacer.reserve(op, 0);
        if (slot.ok) break;
        await clock.sleep(slot.retryAfterMs, signal);
      }
      signal.throwIfAborted();
      counter.count(op);
    },
    save: (data) =>
      saveSyncState(opts.db, opts.account, { ...data, ...counter.fields(), heartbeatAt: new Date(clock.now()) }),
  };
}

async function runLoop(
  name: string,
  step: () => Promise<number>,
  ctx: SyncContext,
  clock: SyncClock,
  opts: SyncOptions,
  signal: AbortSignal,
): Promise<void> {
  while (!signal.aborted) {
    let waitMs: number;
    try {
      waitMs = await step();
    } catch (err) {
      if (signal.aborted) return;
      if (err instanceof IngramError && err.kind === "budget") {
        // Lost a race for the budget's last call to someone else's read after asking: not a failure, just wait.
        log("info", `sync ${name}: the budget had no call left; waiting`, { retryAfterSeconds: err.retryAfterSeconds });
        await clock.sleep((err.retryAfterSeconds ?? 1) * 1000, signal).catch(() => undefined);
        continue;
      }
      log("warn", `sync ${name} step failed`, { err });
      const retryAfterMs = err instanceof IngramError && err.retryAfterSeconds ? err.retryAfterSeconds * 1000 : 0;
      waitMs = Math.max(opts.errorBackoffMs ?? 30_000, retryAfterMs);
      await ctx.save({ lastError: `${name}: ${describe(err)}`, lastErrorAt: new Date(ctx.now()) }).catch(() => null);
    }
    if (waitMs > 0) await clock.sleep(waitMs, signal).catch(() => undefined);
  }
}
