import { buildFixtures } from "./fixtures.ts";
import { type SeedContext, randomOrder } from "./seed.ts";
import type { SandboxOrder } from "./sandbox-types.ts";
import { createRng } from "./util.ts";

/**
 * Deterministic for (seed, count, base): every seeded date counts back from `base`; `now` only stamps when
 * seeded customer holds start their 24 h.
 */
export function seedOrders(seed: number, count: number, base: number, now: number): SandboxOrder[] {
  const ctx: SeedContext = { rng: createRng(seed), taken: new Set(), now, base };
  const orders: SandboxOrder[] = buildFixtures(ctx);
  for (let i = 0; i < count; i++) orders.push(randomOrder(ctx, { sap: i % 120 === 7 }));
  return orders;
}
