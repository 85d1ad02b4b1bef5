import { describe, expect, it } from "vitest";
import { childEnv } from "@/lib/env.mjs";

/* The launcher's children (next build, next start, the sandbox) must not reach the internet. */

describe("childEnv", () => {
  it("turns Next's telemetry off for every child, and passes the caller's variables", () => {
    const vars = childEnv({ PORT: "3999" });
    expect(vars.NEXT_TELEMETRY_DISABLED).toBe("1");
    expect(vars.PORT).toBe("3999");
    expect(vars.PATH).toBe(process.env.PATH);
  });
});
