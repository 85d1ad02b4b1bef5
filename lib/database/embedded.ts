import "server-only";
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  url: string;
  close(): Promise<void>;
}

/** The file name the pg driver looks for in a socket directory, for the URL's port (5432). */
const SOCKET_FILE = ".s.PGSQL.5432";
/** sun_path holds 108 bytes on Linux (104 on macOS); longer socket paths cannot be bound. */
const MAX_SOCKET_PATH = 100;

/** Directories 0700 and files 0600, all the way down: PGlite writes its files world-writable. */
function restrict(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    chmodSync(path, 0o700);
    for (const entry of readdirSync(path)) restrict(join(path, entry));
  } else {
    chmodSync(path, 0o600);
  }
}

/** A directory only this user can enter, for the socket: beside the data directory, or a fresh temporary one. */
function socketDirectory(dataDir: string | undefined): { dir: string; temporary: boolean } {
  if (dataDir) {
    const dir = join(dirname(dataDir), "pg-socket");
    if (join(dir, SOCKET_FILE).length <= MAX_SOCKET_PATH) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chmodSync(dir, 0o700);
      // The data directory has one owner, so a socket file left here is a dead launcher's.
      rmSync(join(dir, SOCKET_FILE), { force: true });
      return { dir, temporary: false };
    }
  }
  return { dir: mkdtempSync(join(tmpdir(), "orderdesk-pg-")), temporary: true };
}

/**
 * Serves a PGlite database to the pg driver over the PostgreSQL wire protocol on a Unix socket that only the
 * portal's own user can reach (socket 0600 in a 0700 directory): PGlite accepts any user name and password, so
 * the file system is what keeps other local users out. The data directory and its parent are made 0700, its
 * files 0600. `dataDir` undefined keeps the database in memory (tests).
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string } = {}): Promise<EmbeddedPostgres> {
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dirname(opts.dataDir), 0o700);
  }
  // pg_trgm serves the order index's free-text search, as it does on PostgreSQL.
  const pg = await PGlite.create(opts.dataDir, { extensions: { pg_trgm } });
  if (opts.dataDir) restrict(opts.dataDir);
  const socket = socketDirectory(opts.dataDir);
  const path = join(socket.dir, SOCKET_FILE);
  const server = new PGLiteSocketServer({ db: pg, path, maxConnections: 16 });
  await server.start();
  chmodSync(path, 0o600);
  return {
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socket.dir)}&sslmode=disable`,
    async close() {
      await server.stop();
      await pg.close();
      if (opts.dataDir) restrict(opts.dataDir);
      rmSync(socket.temporary ? socket.dir : path, { recursive: true, force: true });
    },
  };
}
