// The Ingram client of a budget test: Ingram's 60 calls a minute at the sandbox, no retries, the budget kept in the
// test's database, and the sandbox's clock (moved by the test) as the budget's time.
import { beforeAll } from "vitest";
import type { BudgetLimits } from "@/lib/ingram/call-policy";
import { PgBudget } from "@/lib/ingram-budget/pg-budget";
import type { Harness } from "@/tests/integration/orders/harness";

export function useBudgetedClient(h: Harness, limits: BudgetLimits): void {
  beforeAll(() => {
    h.sb.resetClient({
      rateLimitPerMinute: 60,
      maxRetries: 0,
      budget: new PgBudget(h.t.db, limits),
      now: () => h.sb.sandbox.clock.now(),
    });
  });
}
