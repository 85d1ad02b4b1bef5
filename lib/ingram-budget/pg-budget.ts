import "server-only";
import { env } from "@/lib/env.mjs";
import type { Db } from "@/lib/db";
import {
  BUDGET_PRIORITIES,
  budgetLimits,
  decide,
  type BudgetDecision,
  type BudgetGrant,
  type BudgetLimits,
  type BudgetPriority,
  type BudgetRequest,
  type IngramBudget,
} from "@/lib/ingram/call-policy";

/*
 * The Ingram budget shared by every instance: the grants of the last window, per endpoint, in the table
 * ingram_budget_grants. One transaction per request takes a transaction-scoped advisory lock on the
 * endpoint, reads the window's grants, decides by the one policy (lib/ingram/call-policy.ts), records the
 * grant and drops expired ones. The lock makes read-decide-write atomic across instances and is released at
 * commit or when a connection dies. A fixed-window counter (rate-limiter-flexible's Postgres store) was not
 * chosen: a count per window cannot keep headroom per priority and a per-user share in one atomic step, lets
 * twice the limit through when its window and Ingram's minute are not aligned, and creates its table at run
 * time instead of through the migrations.
 */

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

interface GrantRow {
  at: Date;
  priority: string;
  user_id: string | null;
}

const PRIORITY = new Set<string>(BUDGET_PRIORITIES);

export class PgBudget implements IngramBudget {
  constructor(
    private readonly client: Db,
    readonly limits: BudgetLimits,
  ) {}

  acquire(req: BudgetRequest): Promise<BudgetDecision> {
    return this.client.$transaction((tx) => this.decideLocked(tx, req), { maxWait: 10_000, timeout: 10_000 });
  }

  private async decideLocked(tx: Tx, req: BudgetRequest): Promise<BudgetDecision> {
    const since = new Date(req.now - this.limits.windowMs);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`ingram-budget ${req.endpoint}`}, 0))`;
    await tx.$executeRaw`DELETE FROM ingram_budget_grants WHERE endpoint = ${req.endpoint} AND at <= ${since}`;
    const rows = await tx.$queryRaw<GrantRow[]>`
      SELECT at, priority, user_id FROM ingram_budget_grants
      WHERE endpoint = ${req.endpoint} AND at > ${since} ORDER BY at, id`;
    const grants: BudgetGrant[] = rows.map((r) => ({
      at: r.at.getTime(),
      priority: (PRIORITY.has(r.priority) ? r.priority : "change") as BudgetPriority,
      userId: r.user_id,
    }));
    const decision = decide(this.limits, grants, req);
    if (decision.granted) {
      await tx.$executeRaw`
        INSERT INTO ingram_budget_grants (endpoint, at, priority, user_id)
        VALUES (${req.endpoint}, ${new Date(req.now)}, ${req.priority}, ${req.userId ?? null})`;
    }
    return decision;
  }
}

/** The process's shared budget, with the limits from lib/env.mjs. */
export function sharedIngramBudget(client: Db): PgBudget {
  const b = env.ingram.budget;
  return new PgBudget(client, budgetLimits({ perMinute: b.perMinute, reserve: b.reserve, userShare: b.userShare }));
}
