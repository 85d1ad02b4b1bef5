import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddress } from "@/lib/auth/throttle";
import { log } from "@/lib/log";
import { maskSecrets, redactRequest } from "@/lib/redact";

const ROOT = join(__dirname, "..", "..", "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs)$/.test(name) ? [path] : [];
  });
}

describe("session cookies are next-auth's alone", () => {
  it("no module of ours names next-auth's cookies, parses Cookie headers or decodes session tokens", () => {
    const offenders: string[] = [];
    for (const file of [...sources(join(ROOT, "lib")), ...sources(join(ROOT, "app"))]) {
      const text = readFileSync(file, "utf8");
      if (/session-token|csrf-token|next-auth\.|from "next-auth\/jwt"|headers\.get\("cookie"\)/.test(text)) {
        offenders.push(file.slice(ROOT.length + 1));
      }
    }
    expect(offenders).toEqual([]);
  });

  it("one function reads the session: every getServerSession call is in lib/auth/session.ts", () => {
    const callers = [...sources(join(ROOT, "lib")), ...sources(join(ROOT, "app"))]
      .filter((file) => /getServerSession\(/.test(readFileSync(file, "utf8")))
      .map((file) => file.slice(ROOT.length + 1));
    expect(callers).toEqual(["lib/auth/session.ts"]);
  });
});

describe("redaction", () => {
  afterEach(() => vi.restoreAllMocks());

  it("log lines never carry passwords, cookies or tokens", () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (lines.push(String(chunk)), true));
    log("error", "probe", {
      email: "a@b.c",
      password: "hunter2hunter2",
      headers: { cookie: "s=1", authorization: "Bearer x" },
      accessToken: "tok-123",
      nested: [{ private_key: "pk-1", passphrase: "open sesame" }],
    });
    const out = lines.join("");
    expect(out).toContain("a@b.c");
    for (const secret of ["hunter2hunter2", "s=1", "Bearer x", "tok-123", "pk-1", "open sesame"])
      expect(out).not.toContain(secret);
  });

  it("one rule: every key the log masks, the audit log drops, and the reverse", () => {
    const keys = [
      "password",
      "newPassword",
      "passphrase",
      "pwd",
      "clientSecret",
      "access_token",
      "Authorization",
      "authorisation",
      "cookie",
      "signature",
      "credentials",
      "x-api-key",
      "apiKey",
      "private_key",
      "privateKey",
    ];
    const record = Object.fromEntries(keys.map((k) => [k, "v"]));
    expect(maskSecrets({ ...record, sku: "A" })).toEqual({
      ...Object.fromEntries(keys.map((k) => [k, "[redacted]"])),
      sku: "A",
    });
    expect(redactRequest({ ...record, sku: "A" })).toEqual({ sku: "A" });
  });
});

describe("client address", () => {
  it("believes only the proxy's last X-Forwarded-For entry behind a trusted proxy", () => {
    const h = new Headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.7" });
    expect(clientAddress(h, false)).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.7" }), false)).toBe("198.51.100.7");
    expect(clientAddress(new Headers(), false)).toBe("unknown");
    expect(clientAddress(h, true)).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "not-an-ip" }), true)).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "2001:db8::1" }, true)).toBe("2001:db8::1");
  });
});
