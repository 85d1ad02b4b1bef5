import "server-only";
import { env } from "@/lib/env.mjs";
import type { Db } from "@/lib/db";
import {
  budgetLimits,
  capsFor,
  type BudgetDecision,
  type BudgetLimits,
  type BudgetRequest,
  type IngramBudget,
} from "@/lib/ingram/call-policy";

/*
 * The Ingram budget shared by every instance: the grants of the last window, per endpoint, in the table
 * ingram_budget_grants. One transaction per request takes a transaction-scoped advisory lock on the
 * endpoint, drops grants that left the window, counts the rest against the caps of the one policy
 * (lib/ingram/call-policy.ts) and records the grant; only a refusal reads the grant whose expiry frees the
 * call, for its Retry-After. The lock makes count-and-write atomic across instances and is released at
 * commit or when a connection dies. A fixed-window counter (rate-limiter-flexible's Postgres store) was not
 * chosen: a count per window cannot keep headroom per priority and a per-user share in one atomic step, lets
 * twice the limit through when its window and Ingram's minute are not aligned, and creates its table at run
 * time instead of through the migrations.
 */

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export class PgBudget implements IngramBudget {
  constructor(
    private readonly client: Db,
    readonly limits: BudgetLimits,
  ) {}

  acquire(req: BudgetRequest): Promise<BudgetDecision> {
    return this.client.$transaction((tx) => this.decideLocked(tx, req), { maxWait: 10_000, timeout: 10_000 });
  }

  /** Read-only: the same counts outside a lock, so a grant racing it may still refuse the call that follows. */
  async peek(req: BudgetRequest): Promise<number> {
    return this.waitMs(this.client, req);
  }

  private async decideLocked(tx: Tx, req: BudgetRequest): Promise<BudgetDecision> {
    const since = new Date(req.now - this.limits.windowMs);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`ingram-budget ${req.endpoint}`}, 0))`;
    await tx.$executeRaw`DELETE FROM ingram_budget_grants WHERE endpoint = ${req.endpoint} AND at <= ${since}`;
    const wait = await this.waitMs(tx, req);
    if (wait > 0) return { granted: false, retryAfterMs: wait };
    await tx.$executeRaw`
      INSERT INTO ingram_budget_grants (endpoint, at, priority, user_id)
      VALUES (${req.endpoint}, ${new Date(req.now)}, ${req.priority}, ${req.userId ?? null})`;
    return { granted: true };
  }

  /** Milliseconds until `req` fits the caps of the grants in its window (0: now). */
  private async waitMs(tx: Tx | Db, req: BudgetRequest): Promise<number> {
    const since = new Date(req.now - this.limits.windowMs);
    const user = req.userId ?? null;
    const [counts] = await tx.$queryRaw<{ total: number; mine: number }[]>`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE priority = 'interactive' AND user_id = ${user})::int AS mine
      FROM ingram_budget_grants WHERE endpoint = ${req.endpoint} AND at > ${since}`;
    const total = counts?.total ?? 0;
    const mine = counts?.mine ?? 0;
    const caps = capsFor(this.limits, req);
    let freeAt = 0;
    if (total >= caps.total) {
      const [row] = await tx.$queryRaw<{ at: Date }[]>`
        SELECT at FROM ingram_budget_grants WHERE endpoint = ${req.endpoint} AND at > ${since}
        ORDER BY at, id OFFSET ${total - caps.total} LIMIT 1`;
      freeAt = Math.max(freeAt, row?.at.getTime() ?? req.now);
    }
    if (caps.mine !== null && mine >= caps.mine) {
      const [row] = await tx.$queryRaw<{ at: Date }[]>`
        SELECT at FROM ingram_budget_grants
        WHERE endpoint = ${req.endpoint} AND at > ${since} AND priority = 'interactive' AND user_id = ${user}
        ORDER BY at, id OFFSET ${mine - caps.mine} LIMIT 1`;
      freeAt = Math.max(freeAt, row?.at.getTime() ?? req.now);
    }
    if (total < caps.total && (caps.mine === null || mine < caps.mine)) return 0;
    return Math.max(1, Math.ceil(freeAt + this.limits.windowMs - req.now));
  }
}

/** The process's shared budget, with the limits from lib/env.mjs. */
export function sharedIngramBudget(client: Db): PgBudget {
  const b = env.ingram.budget;
  return new PgBudget(client, budgetLimits({ perMinute: b.perMinute, reserve: b.reserve, userShare: b.userShare }));
}
