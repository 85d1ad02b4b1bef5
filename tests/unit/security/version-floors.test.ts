// Version floors: the installed (not just declared) versions carry the security fixes we rely on.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function installed(name: string): string {
  return JSON.parse(readFileSync(join(process.cwd(), "node_modules", name, "package.json"), "utf8")).version;
}

function atLeast(version: string, floor: string): boolean {
  const a = version.split(/[.-]/).slice(0, 3).map(Number);
  const b = floor.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

describe("version floors", () => {
  it("compares versions numerically", () => {
    expect(atLeast("16.10.0", "16.4.5")).toBe(true);
    expect(atLeast("16.4.4", "16.4.5")).toBe(false);
    expect(atLeast("19.2.9", "19.2.9")).toBe(true);
  });

  it("next >= 16.4.5 and next-auth >= 4.24.15", () => {
    expect(atLeast(installed("next"), "16.4.5"), installed("next")).toBe(true);
    expect(atLeast(installed("next-auth"), "4.24.15"), installed("next-auth")).toBe(true);
  });

  it("react and react-dom >= 19.3.1, or >= 19.2.9 on the 19.2 line", () => {
    for (const name of ["react", "react-dom"]) {
      const v = installed(name);
      const ok = v.startsWith("19.2.") ? atLeast(v, "19.2.9") : atLeast(v, "19.3.1");
      expect(ok, `${name} ${v}`).toBe(true);
    }
  });
});
