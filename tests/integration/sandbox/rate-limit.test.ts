import { describe, expect, it } from "vitest";
import { SANDBOX_FIXTURES as F } from "@/lib/ingram/sandbox/fixtures";
import { useHarness } from "./helpers.ts";

describe("sandbox rate limit", () => {
  const h = useHarness({ rateLimitPerMinute: 3, orderCount: 20 });

  it("allows N GET calls per minute per endpoint, then 429 with Retry-After; the window follows the sandbox clock", async () => {
    // Start at the beginning of a window so the clock cannot roll over mid-test.
    const now = h.sb.clock.now();
    h.sb.clock.advance(60_000 - (now % 60_000) + 10);
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await h.api("GET", "/resellers/v6/orders/search?customerOrderNumber=ROLLOUT&pageSize=1");
      expect(res.status).toBe(200);
      expect(res.headers.get("x-ratelimit-limit")).toBe("3");
      remaining.push(res.headers.get("x-ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const limited = await h.api("GET", "/resellers/v6/orders/search?customerOrderNumber=ROLLOUT&pageSize=1");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(59);
    const reset = Number(limited.headers.get("x-ratelimit-reset"));
    expect(reset * 1000).toBeGreaterThan(h.sb.clock.now());
    expect(reset * 1000 - h.sb.clock.now()).toBeLessThanOrEqual(60_000);
    expect(limited.json.errors[0]).toMatchObject({ field: null, message: "too many requests" });

    expect((await h.api("GET", `/resellers/v6.1/orders/${F.processingOrderNumber}`)).status).toBe(200);
    expect(
      (
        await h.api("POST", "/resellers/v6/orders", {
          body: { customerOrderNumber: "RL-1", lines: [{ ingramPartNumber: "TSXML1", quantity: 1 }] },
        })
      ).status,
    ).toBe(201);

    h.sb.clock.advance(60_000);
    const after = await h.api("GET", "/resellers/v6/orders/search?customerOrderNumber=ROLLOUT&pageSize=1");
    expect(after.status).toBe(200);
    expect(after.headers.get("x-ratelimit-remaining")).toBe("2");
  });
});
