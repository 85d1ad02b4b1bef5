import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { startSync, type SyncRunner } from "@/lib/order-index/sync-runner";
import { useTestDatabase } from "@/tests/support/db";
import { useSandbox } from "@/tests/support/sandbox";

const t = useTestDatabase();
useSandbox({ orderCount: 30 });

const account = { customerNumber: "20-222222", countryCode: "US" };
const config = {
  historyDays: 30,
  callsPerMinute: 20,
  recentMs: 60_000,
  activeRefreshMs: 900_000,
  finalRefreshMs: 86_400_000,
  fullPassMs: 86_400_000,
};

const open: { runner: SyncRunner; db: Db }[] = [];

/** One "instance": its own Prisma client (its own pool) and its own lock connection, on the suite's database. */
function instance(): SyncRunner {
  const db = createDb(t.url, 2);
  const runner = startSync({ ...config, db, account, lockUrl: t.url, leaderRetryMs: 200, errorBackoffMs: 200 });
  open.push({ runner, db });
  return runner;
}

afterEach(async () => {
  for (const { runner, db } of open.splice(0)) {
    await runner.stop();
    await db.$disconnect();
  }
});

async function storedLeader(): Promise<string | null> {
  const st = await t.db.syncState.findUnique({ where: { customerNumber_countryCode: account } });
  return st?.leaderId ?? null;
}

describe.skipIf(t.kind !== "postgres")("two instances on one PostgreSQL", () => {
  it("have exactly one sync leader; when it stops, the other leads within 30 s", async () => {
    const a = instance();
    const b = instance();
    await vi.waitFor(() => expect([a, b].filter((r) => r.isLeader())).toHaveLength(1), { timeout: 10_000 });
    const [leader, follower] = a.isLeader() ? [a, b] : [b, a];
    await vi.waitFor(async () => expect(await storedLeader()).toBe(leader.instanceId), { timeout: 10_000 });
    // Several of the follower's lock attempts go by: it stays a follower while the leader lives.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(follower.isLeader()).toBe(false);
    expect(leader.isLeader()).toBe(true);

    await leader.stop();
    expect(leader.isLeader()).toBe(false);
    await vi.waitFor(() => expect(follower.isLeader()).toBe(true), { timeout: 30_000 });
    await vi.waitFor(async () => expect(await storedLeader()).toBe(follower.instanceId), { timeout: 10_000 });
  });

  it("lead again with exactly one leader when the leader's database session dies without a goodbye", async () => {
    const a = instance();
    const b = instance();
    await vi.waitFor(() => expect([a, b].filter((r) => r.isLeader())).toHaveLength(1), { timeout: 10_000 });
    const lost: string[] = [];
    const watch = setInterval(() => {
      for (const r of [a, b]) if (!r.isLeader() && !lost.includes(r.instanceId)) lost.push(r.instanceId);
    }, 20);

    // The backend holding the advisory lock is killed, as when the leader's host dies or its link is cut.
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    let killedPid = 0;
    try {
      const killed = await admin.query<{ pid: number }>(
        `SELECT pid, pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      expect(killed.rows).toHaveLength(1);
      killedPid = killed.rows[0]!.pid;
      // The leader notices its session is gone and steps down; then one of them takes the lock on a new session.
      await vi.waitFor(() => expect(lost).toHaveLength(2), { timeout: 10_000 });
      await vi.waitFor(() => expect([a, b].filter((r) => r.isLeader())).toHaveLength(1), { timeout: 30_000 });
      const holder = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      expect(holder.rows).toHaveLength(1);
      expect(holder.rows[0]!.pid).not.toBe(killedPid);
    } finally {
      clearInterval(watch);
      await admin.end();
    }
    const leader = a.isLeader() ? a : b;
    await vi.waitFor(async () => expect(await storedLeader()).toBe(leader.instanceId), { timeout: 10_000 });
  });
});

describe("the embedded database (one instance)", () => {
  it("leads at once without a lock connection", async () => {
    const runner = startSync({ ...config, db: t.db, account, lockUrl: null });
    try {
      expect(runner.isLeader()).toBe(true);
      await vi.waitFor(async () => expect(await storedLeader()).toBe(runner.instanceId), { timeout: 10_000 });
    } finally {
      await runner.stop();
    }
    expect(runner.isLeader()).toBe(false);
  });
});
