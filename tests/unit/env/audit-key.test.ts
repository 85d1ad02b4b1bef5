import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildEnv } from "@/lib/env.mjs";
import { tempDir } from "@/tests/support/temp-dir";

/* AUDIT_KEY: the audit chain's HMAC key. Required in production with DATABASE_URL; generated under the data
   directory otherwise. */

const sandbox = () => ({ DATA_DIR: tempDir("env"), LOG_LEVEL: "silent" });
const DB = "postgresql://postgres@127.0.0.1:5432/orderdesk";

describe("AUDIT_KEY", () => {
  it("is required in production when DATABASE_URL names the database", () => {
    expect(() => buildEnv({ ...sandbox(), NODE_ENV: "production", DATABASE_URL: DB })).toThrow(/AUDIT_KEY/);
    const key = "k".repeat(32);
    expect(buildEnv({ ...sandbox(), NODE_ENV: "production", DATABASE_URL: DB, AUDIT_KEY: key }).auditKey).toBe(key);
  });

  it("must be at least 32 characters", () => {
    expect(() => buildEnv({ ...sandbox(), AUDIT_KEY: "short" })).toThrow(/AUDIT_KEY/);
  });

  it("is generated once under the data directory (0600) on the embedded default, and kept across restarts", () => {
    const src = sandbox();
    const first = buildEnv({ ...src, NODE_ENV: "production" }).auditKey;
    expect(first).toMatch(/^[\w-]{40,}$/);
    expect(buildEnv(src).auditKey).toBe(first);
    const file = join(src.DATA_DIR, "audit-key");
    expect(readFileSync(file, "utf8")).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(src.DATA_DIR).sort()).toEqual(["audit-key", "secrets.json"]);
  });

  it("leaves a secrets file written before it existed as it was", () => {
    const src = sandbox();
    const file = join(src.DATA_DIR, "secrets.json");
    const old = JSON.stringify({
      nextauthSecret: "n".repeat(43),
      webhookSecret: "w".repeat(43),
      demoPassword: "demo-pass",
    });
    writeFileSync(file, old, { mode: 0o600 });
    const e = buildEnv(src);
    expect(e.nextauthSecret).toBe("n".repeat(43));
    expect(e.auditKey).toMatch(/^[\w-]{40,}$/);
    expect(readFileSync(file, "utf8")).toBe(old);
  });
});
