// A create is a change: it spends the budget's change priority, which keeps no reserve, so reads that have used a
// minute up to the reserve they must leave do not hold it back (v6 and v7 alike). Time is the sandbox's clock.
import { describe, expect, it } from "vitest";
import * as requests from "@/app/api/order-requests/route";
import * as orders from "@/app/api/orders/route";
import { budgetLimits } from "@/lib/ingram/call-policy";
import { useBudgetedClient } from "./budgeted-client";
import { endpointOf } from "@/lib/ingram/ingram-operations";
import { call, newKey, orderInput, useOrdersHarness } from "@/tests/integration/orders/harness";

const h = useOrdersHarness({ rateLimitPerMinute: 60, webhookDelayMs: 60_000 });
const limits = budgetLimits();

useBudgetedClient(h, limits);

/** A fresh minute in which others' reads have left the endpoint exactly the interactive reserve. */
async function readsUsedUpToTheReserve(endpoint: string) {
  h.sb.sandbox.clock.advance(limits.windowMs);
  const at = new Date(h.sb.sandbox.clock.now());
  await h.t.db.ingramBudgetGrant.createMany({
    data: Array.from({ length: limits.perMinute - limits.reserve.interactive }, () => ({
      endpoint,
      at,
      priority: "interactive",
      userId: "someone-else",
    })),
  });
}

describe("creates spend the change priority", () => {
  for (const [label, op, route, path, status] of [
    ["a v6 create", "create", orders.POST, "/api/orders", 201],
    ["a v7 order request", "createV7", requests.POST, "/api/order-requests", 202],
  ] as const) {
    it(`${label} goes through when reads have used the endpoint's minute up to their reserve`, async () => {
      await readsUsedUpToTheReserve(endpointOf(op));
      const before = h.sb.sandbox.stats.count(op);
      const res = await call(h, route, path, {
        method: "POST",
        body: orderInput(),
        headers: { "idempotency-key": newKey() },
      });
      expect(res.status).toBe(status);
      expect(h.sb.sandbox.stats.count(op)).toBe(before + 1);
    });
  }
});
