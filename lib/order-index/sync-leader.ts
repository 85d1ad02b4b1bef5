import "server-only";
import pg from "pg";
import { log } from "@/lib/log";

// One sync leader among N instances: a session-level advisory lock held on one dedicated PostgreSQL
// connection. When the leader's process dies its session ends and PostgreSQL releases the lock, so a follower
// trying every `retryMs` takes over within that time (well inside 30 s). The leader pings its connection on
// the same beat and steps down the moment the connection fails, so two instances never both believe they lead.
// The embedded PGlite database serves every socket connection from one backend session (advisory locks are
// re-entrant there) and belongs to one launcher, so it has exactly one instance: that instance leads.

export interface LeaderOptions {
  /** PostgreSQL URL for the lock connection; null on the embedded database (one instance, always leader). */
  url: string | null;
  /** Names the lock; one lock per Ingram account. */
  key: string;
  /** How often a follower tries the lock and the leader checks its connection; default 10 s. */
  retryMs?: number;
  onChange(leader: boolean): void;
}

export interface Leadership {
  isLeader(): boolean;
  stop(): Promise<void>;
}

export const LEADER_RETRY_MS = 10_000;

export function startLeadership(opts: LeaderOptions): Leadership {
  let leader = false;
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let tick: Promise<void> = Promise.resolve();
  const retryMs = opts.retryMs ?? LEADER_RETRY_MS;

  const become = (next: boolean) => {
    if (leader === next) return;
    leader = next;
    opts.onChange(next);
  };

  const drop = (why: unknown) => {
    if (leader) log("warn", "sync leadership lost: the lock connection failed", { err: why });
    const c = client;
    client = null;
    c?.removeAllListeners("error");
    c?.on("error", () => undefined);
    void c?.end().catch(() => undefined);
    become(false);
  };

  async function attempt(): Promise<void> {
    if (stopped) return;
    try {
      if (!client) {
        const c = new pg.Client({ connectionString: opts.url!, application_name: "orderdesk-sync-leader" });
        c.on("error", (err) => {
          if (client === c) drop(err);
        });
        client = c;
        await c.connect();
      }
      if (leader) {
        await client.query("SELECT 1");
      } else {
        const r = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok", [
          opts.key,
        ]);
        if (r.rows[0]?.ok && !stopped) become(true);
      }
    } catch (err) {
      drop(err);
    }
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      tick = attempt().finally(schedule);
    }, retryMs);
    timer.unref();
  };

  if (opts.url === null) {
    become(true);
  } else {
    tick = attempt().finally(schedule);
  }

  return {
    isLeader: () => leader,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await tick.catch(() => undefined);
      const c = client;
      client = null;
      if (c) {
        if (leader) await c.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [opts.key]).catch(() => null);
        c.removeAllListeners("error");
        c.on("error", () => undefined);
        await c.end().catch(() => undefined);
      }
      become(false);
    },
  };
}
