// Security review finding: the embedded database's socket accepted any user and password from any local user,
// and its files were world-writable. PGlite checks no password, so the socket's file permissions are the lock.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { tempDir } from "@/tests/support/temp-dir";

function everyPath(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).map((p) => join(dir, p));
}

/** Tries to connect to a Unix socket as another local user (nobody); resolves with the error code, or "connected". */
function connectAs(uid: number, socket: string): string {
  const script = `require("net").connect(${JSON.stringify(socket)})
    .on("connect", () => { console.log("connected"); process.exit(0); })
    .on("error", (e) => { console.log(e.code); process.exit(0); });`;
  const r = spawnSync(process.execPath, ["-e", script], { uid, gid: uid, encoding: "utf8", timeout: 10_000 });
  return r.stdout.trim();
}

describe("the embedded database is reachable by the portal's own user only", () => {
  it("listens on a 0600 Unix socket in a 0700 directory, not on TCP, and keeps its files 0700/0600", async () => {
    const root = tempDir("embedded");
    const dataDir = join(root, "pglite");
    const embedded = await startEmbeddedPostgres({ dataDir });
    try {
      const url = new URL(embedded.url);
      const socketDir = url.searchParams.get("host")!;
      expect(socketDir).toBe(join(root, "pg-socket"));
      expect(url.port).toBe("");
      const socket = join(socketDir, ".s.PGSQL.5432");
      expect(statSync(socket).isSocket()).toBe(true);
      expect(statSync(socket).mode & 0o777).toBe(0o600);
      expect(statSync(socketDir).mode & 0o777).toBe(0o700);
      expect(statSync(root).mode & 0o777).toBe(0o700);

      const client = new pg.Client({ connectionString: embedded.url });
      await client.connect();
      expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await client.end();

      const loose = everyPath(dataDir).filter((p) => (statSync(p).mode & 0o077) !== 0);
      expect(loose).toEqual([]);
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);

      // Root passes every permission check, so the refusal is shown from an unprivileged user.
      if (process.getuid?.() === 0) expect(connectAs(65534, socket)).toBe("EACCES");
    } finally {
      await embedded.close();
    }
    expect(everyPath(dataDir).filter((p) => (statSync(p).mode & 0o077) !== 0)).toEqual([]);
  });
});
