import { spawn } from "node:child_process";
import { compare } from "bcryptjs";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/db";
import { tempDir } from "@/tests/support/temp-dir";

const t = useTestDatabase();

function run(args: string[], stdin: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "-C", "react-server", "lib/cli/user-add.ts", ...args],
    {
      cwd: process.cwd(),
      env: {
        NODE_ENV: "test",
        PATH: process.env.PATH ?? "",
        DATABASE_URL: t.url,
        DATA_DIR: tempDir("cli"),
        LOG_LEVEL: "silent",
      },
    },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out, err })));
}

describe("npm run user:add", () => {
  it("creates a user with the password read from stdin, never printing it", { timeout: 90_000 }, async () => {
    const created = () => t.db.auditEvent.count({ where: { action: "user.create", actorId: null } });
    const before = await created();
    const r = await run(["--email", "Ops@Example.com", "--role", "admin", "--name", "Ops"], "a-very-long-password\n");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("a-very-long-password");
    const u = await t.db.user.findUniqueOrThrow({ where: { email: "ops@example.com" } });
    expect(u.role).toBe("admin");
    expect(await compare("a-very-long-password", u.passwordHash!)).toBe(true);
    expect((await created()) - before).toBe(1);
  });

  // Four CLI runs, each starting tsx: slow on a loaded machine.
  it(
    "generates and prints a password with --generate; refuses duplicates and weak input",
    { timeout: 90_000 },
    async () => {
      const r = await run(["--email", "gen@example.com", "--role", "viewer", "--generate"], "");
      expect(r.code).toBe(0);
      const printed = /Password \(shown once\): (\S+)/.exec(r.out)?.[1];
      const u = await t.db.user.findUniqueOrThrow({ where: { email: "gen@example.com" } });
      expect(await compare(printed!, u.passwordHash!)).toBe(true);

      expect((await run(["--email", "gen@example.com", "--role", "viewer"], "another-long-password")).code).toBe(1);
      const weak = await run(["--email", "weak@example.com", "--role", "viewer"], "short");
      expect(weak.code).toBe(2);
      expect(weak.err).toContain("password");
      expect((await run(["--email", "x@example.com", "--role", "root"], "a-very-long-password")).code).toBe(2);
    },
  );
});
