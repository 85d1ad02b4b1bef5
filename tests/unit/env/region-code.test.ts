import { describe, expect, it } from "vitest";
import { buildEnv } from "@/lib/env.mjs";

/* INGRAM_REGION_CODE: optional, validated once, handed to the Ingram client as env.ingram.regionCode. */

const base = {
  DATA_DIR: "tests/artifacts/env-data",
  NEXTAUTH_SECRET: "x".repeat(32),
  INGRAM_WEBHOOK_SECRET: "w",
  DEMO_PASSWORD: "password1",
  AUDIT_KEY: "k".repeat(32),
};

describe("INGRAM_REGION_CODE", () => {
  it("is absent by default and passed through when set", () => {
    expect(buildEnv(base).ingram.regionCode).toBeUndefined();
    expect(buildEnv({ ...base, INGRAM_REGION_CODE: "CS" }).ingram.regionCode).toBe("CS");
  });

  it("fails with a message naming the variable when malformed", () => {
    for (const bad of ["C S", "x".repeat(11), "CS;"]) {
      expect(() => buildEnv({ ...base, INGRAM_REGION_CODE: bad })).toThrow(/INGRAM_REGION_CODE/);
    }
  });
});
