import { describe, expect, it } from "vitest";
import { buildEnv } from "@/lib/env.mjs";

/* SMTP_URL and SMTP_FROM: optional; watched-order e-mails are sent only when SMTP_URL is set. */

const base = {
  DATA_DIR: "tests/artifacts/env-data",
  NEXTAUTH_SECRET: "x".repeat(32),
  INGRAM_WEBHOOK_SECRET: "w",
  DEMO_PASSWORD: "password1",
  AUDIT_KEY: "k".repeat(32),
};

describe("SMTP_URL", () => {
  it("is absent by default (no e-mail) and passed through when set, with a default sender", () => {
    expect(buildEnv(base).smtpUrl).toBeUndefined();
    const env = buildEnv({ ...base, SMTP_URL: "smtp://mail.example:587" });
    expect(env.smtpUrl).toBe("smtp://mail.example:587");
    expect(env.smtpFrom).toMatch(/Orderdesk/);
    expect(buildEnv({ ...base, SMTP_FROM: "Desk <desk@example.com>" }).smtpFrom).toBe("Desk <desk@example.com>");
  });

  it("fails with a message naming the variable when it is not an smtp:// or smtps:// URL", () => {
    for (const bad of ["mail.example:25", "http://mail.example", "smtp:"]) {
      expect(() => buildEnv({ ...base, SMTP_URL: bad })).toThrow(/SMTP_URL/);
    }
  });
});
