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
  it("a v6 create goes through when reads have used the endpoint's minute up to their reserve", async () => {
    await readsUsedUpToTheReserve(endpointOf("create"));
    const before = h.sb.sandbox.stats.count("create");
    const res = await call(h, orders.POST, "/api/orders", {
      method: "POST",
      body: orderInput(),
      headers: { "idempotency-key": newKey() },
    });
    expect(res.status).toBe(201);
    expect(h.sb.sandbox.stats.count("create")).toBe(before + 1);
  });

  it("a v7 order request goes through likewise", async () => {
    await readsUsedUpToTheReserve(endpointOf("createV7"));
    const before = h.sb.sandbox.stats.count("createV7");
    const res = await call(h, requests.POST, "/api/order-requests", {
      method: "POST",
      body: orderInput(),
      headers: { "idempotency-key": newKey() },
    });
    expect(res.status).toBe(202);
    expect(h.sb.sandbox.stats.count("createV7")).toBe(before + 1);
  });
});
