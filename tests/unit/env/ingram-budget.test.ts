import { describe, expect, it } from "vitest";
import { buildEnv } from "@/lib/env.mjs";
import { budgetLimits } from "@/lib/ingram/call-policy";

/* The Ingram budget's numbers: optional, validated once, turned into limits by budgetLimits(). */

const base = {
  DATA_DIR: "tests/artifacts/env-data",
  NEXTAUTH_SECRET: "x".repeat(32),
  INGRAM_WEBHOOK_SECRET: "w",
  DEMO_PASSWORD: "password1",
};

const limitsOf = (source: Record<string, string>) => {
  const b = buildEnv({ ...base, ...source }).ingram.budget;
  return budgetLimits({ perMinute: b.perMinute, reserve: b.reserve, userShare: b.userShare });
};

describe("Ingram budget settings", () => {
  it("default to 60 a minute with reserves of 10/20/30/40 and 20 reads per user", () => {
    expect(limitsOf({})).toMatchObject({
      perMinute: 60,
      reserve: { change: 0, interactive: 10, webhook: 20, sync: 30, export: 40 },
      userShare: 20,
    });
  });

  it("scale the defaults with a lower limit, and take the numbers given", () => {
    expect(limitsOf({ INGRAM_RATE_LIMIT_PER_MINUTE: "30" })).toMatchObject({
      reserve: { interactive: 5, webhook: 10, sync: 15, export: 20 },
      userShare: 10,
    });
    expect(
      limitsOf({ INGRAM_BUDGET_RESERVE_SYNC: "45", INGRAM_BUDGET_RESERVE_EXPORT: "50", INGRAM_BUDGET_USER_SHARE: "5" }),
    ).toMatchObject({ reserve: { sync: 45, export: 50 }, userShare: 5 });
  });

  it("fail with a message naming the variable when a reserve leaves its priority nothing or is malformed", () => {
    expect(() => buildEnv({ ...base, INGRAM_RATE_LIMIT_PER_MINUTE: "30", INGRAM_BUDGET_RESERVE_EXPORT: "30" })).toThrow(
      /INGRAM_BUDGET_RESERVE_EXPORT/,
    );
    expect(() => buildEnv({ ...base, INGRAM_BUDGET_RESERVE_WEBHOOK: "-1" })).toThrow(/INGRAM_BUDGET_RESERVE_WEBHOOK/);
    expect(() => buildEnv({ ...base, INGRAM_BUDGET_USER_SHARE: "0" })).toThrow(/INGRAM_BUDGET_USER_SHARE/);
  });
});
