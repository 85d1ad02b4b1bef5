import "server-only";
import { env } from "@/lib/env.mjs";
import { type Db, hotQuery } from "@/lib/db";
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
 * ingram_budget_grants. One statement per request (the database function ingram_budget_take, in the
 * migration 20261130200000_ingram_budget_take) takes a transaction-scoped advisory lock on the endpoint,
 * drops grants that left the window, counts the rest against the caps of the one policy
 * (lib/ingram/call-policy.ts) and records the grant; only a refusal reads the grant whose expiry frees the
 * call, for its Retry-After. The lock makes count-and-write atomic across instances and is released when
 * the statement's transaction ends or its connection dies. A fixed-window counter (rate-limiter-flexible's
 * Postgres store) was not chosen: a count per window cannot keep headroom per priority and a per-user share in
 * one atomic step, lets twice the limit through when its window and Ingram's minute are not aligned, and
 * creates its table at run time instead of through the migrations.
 */

export class PgBudget implements IngramBudget {
  constructor(
    private readonly client: Db,
    readonly limits: BudgetLimits,
  ) {}

  async acquire(req: BudgetRequest): Promise<BudgetDecision> {
    const wait = await this.take(req, true);
    return wait > 0 ? { granted: false, retryAfterMs: wait } : { granted: true };
  }

  /** Read-only: the same counts outside a lock, so a grant racing it may still refuse the call that follows. */
  peek(req: BudgetRequest): Promise<number> {
    return this.take(req, false);
  }

  /** Milliseconds until `req` fits the caps of the grants in its window (0: now, and granted when `grant`). */
  private async take(req: BudgetRequest, grant: boolean): Promise<number> {
    const caps = capsFor(this.limits, req);
    // Prepared once per connection (hotQuery): every live Ingram call waits for it.
    const [row] = await hotQuery<{ wait: number }>(this.client, {
      text: "SELECT ingram_budget_take($1::text, $2::timestamptz, $3::int, $4::text, $5::text, $6::int, $7::int, $8::boolean) AS wait",
      values: [
        req.endpoint,
        new Date(req.now),
        this.limits.windowMs,
        req.priority,
        req.userId ?? null,
        caps.total,
        caps.mine,
        grant,
      ],
    });
    return row?.wait ?? 0;
  }
}

/** The process's shared budget, with the limits from lib/env.mjs. */
export function sharedIngramBudget(client: Db): PgBudget {
  const b = env.ingram.budget;
  return new PgBudget(client, budgetLimits({ perMinute: b.perMinute, reserve: b.reserve, userShare: b.userShare }));
}
