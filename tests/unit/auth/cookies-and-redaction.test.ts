import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddress, PEER_HEADER } from "@/lib/auth/client-address";
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

/** The codec next-auth calls through its documented `jwt.encode`/`jwt.decode` options (lib/auth/auth-options.ts). */
const CODEC = "lib/auth/session-codec.ts";

describe("session cookies are next-auth's alone", () => {
  it("no module of ours names next-auth's cookies, parses Cookie headers or decodes session tokens", () => {
    const offenders: string[] = [];
    for (const file of [...sources(join(ROOT, "lib")), ...sources(join(ROOT, "app"))]) {
      const text = readFileSync(file, "utf8");
      const path = file.slice(ROOT.length + 1);
      if (/session-token|csrf-token|next-auth\.|headers\.get\("cookie"\)/.test(text)) offenders.push(path);
      // next-auth's own token reader (getToken, beside the options it reads with), never its encode or decode.
      const jwtImport = /import \{([^}]*)\} from "next-auth\/jwt"/.exec(text);
      if (jwtImport && (path !== "lib/auth/auth-options.ts" || !/^\s*getToken, type JWT\s*$/.test(jwtImport[1]!))) {
        offenders.push(path);
      }
      if (/from "next-auth\/jwt"/.test(text) && !jwtImport) offenders.push(path);
      // Tokens are encrypted and decrypted in the codec alone (jose), and only next-auth is handed the codec.
      if (path !== CODEC && /from "jose"|jwtDecrypt|EncryptJWT/.test(text)) offenders.push(path);
      if (path !== "lib/auth/auth-options.ts" && text.includes("@/lib/auth/session-codec")) offenders.push(path);
    }
    expect(offenders).toEqual([]);
  });

  it("the codec reads no request: no cookies, headers or next/headers, only the token next-auth hands it", () => {
    const text = readFileSync(join(ROOT, CODEC), "utf8");
    expect(text).not.toMatch(/[Cc]ookie|headers|NextRequest|\bRequest\b/);
  });

  it("one function reads the session: getActor() in lib/auth/session.ts, the only caller of sessionToken", () => {
    const files = [...sources(join(ROOT, "lib")), ...sources(join(ROOT, "app"))];
    const calling = (pattern: RegExp) =>
      files.filter((file) => pattern.test(readFileSync(file, "utf8"))).map((file) => file.slice(ROOT.length + 1));
    expect(calling(/(?<!function )\bsessionToken\(/)).toEqual(["lib/auth/session.ts"]);
    // getServerSession would check the session a second way, beside getActor()'s.
    expect(calling(/getServerSession\(/)).toEqual([]);
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

  it("log lines are JSON-escaped: a value with newlines and quotes cannot forge a second line", () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (lines.push(String(chunk)), true));
    const forged = 'x"\n{"level":"error","msg":"forged"}\r\n\u2028';
    log("warn", "probe", { email: forged, err: new Error(`at Object.<anonymous>\n${forged}`) });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith("\n")).toBe(true);
    expect(lines[0]!.slice(0, -1)).not.toMatch(/[\n\r]/);
    const record = JSON.parse(lines[0]!) as { msg: string; email: string; errMessage: string };
    expect(record).toMatchObject({ msg: "probe", email: forged });
    expect(record.errMessage).toContain(forged);
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
  const peer = (address: string, forwarded?: string) =>
    new Headers({ [PEER_HEADER]: address, ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });

  it("is the stamped peer; a client's X-Forwarded-For changes nothing without TRUST_PROXY", () => {
    expect(clientAddress(peer("198.51.100.7", "203.0.113.9"), 0)).toBe("198.51.100.7");
    expect(clientAddress(peer("::ffff:127.0.0.1", "10.0.0.1, 10.0.0.2"), 0)).toBe("127.0.0.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }), 0)).toBe("unknown");
    expect(clientAddress(new Headers(), 0)).toBe("unknown");
    expect(clientAddress(peer("not-an-ip"), 0)).toBe("unknown");
  });

  it("with TRUST_PROXY=N takes the N-th forwarded hop from the right, never an entry the client wrote", () => {
    // client → proxy A → proxy B → portal: B is the peer, B appended A's address, A appended the client's.
    const h = peer("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1");
    expect(clientAddress(h, 1)).toBe("10.0.0.1");
    expect(clientAddress(h, 2)).toBe("203.0.113.9");
    expect(clientAddress(peer("10.0.0.2", "203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(peer("10.0.0.2", "203.0.113.9"), 3)).toBe("203.0.113.9");
    expect(clientAddress(peer("10.0.0.2", "not-an-ip"), 1)).toBe("unknown");
    expect(clientAddress({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "2001:DB8::1" }, 1)).toBe("2001:db8::1");
  });

  it("reads headers as a proxy writes them: repeated, padded, with empty entries, or missing", () => {
    // A header given twice (Node's raw headers) is one list; empty and blank entries are not hops.
    const repeated = { [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": ["203.0.113.9", "10.0.0.1"] };
    expect(clientAddress(repeated, 2)).toBe("203.0.113.9");
    expect(clientAddress(peer("10.0.0.2", "203.0.113.9, , 10.0.0.1,"), 2)).toBe("203.0.113.9");
    expect(clientAddress({ [PEER_HEADER]: " 10.0.0.2 " }, 0)).toBe("10.0.0.2");
    // More hops trusted than entries sent: the leftmost there is, here the peer itself; a negative count is 0.
    expect(clientAddress(peer("10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(clientAddress(peer("10.0.0.2", "203.0.113.9"), -1)).toBe("10.0.0.2");
  });

  it("unwraps an IPv4-mapped IPv6 address only when it is exactly one", () => {
    expect(clientAddress(peer("::FFFF:198.51.100.71"), 0)).toBe("198.51.100.71");
    expect(clientAddress(peer("::ffff:10.20.30.40"), 0)).toBe("10.20.30.40");
    expect(clientAddress(peer("::ffff:1.2.3.4x"), 0)).toBe("unknown");
    expect(clientAddress(peer("x::ffff:1.2.3.4"), 0)).toBe("unknown");
  });
});
