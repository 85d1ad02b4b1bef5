import "server-only";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a PGlite database to the pg driver over the PostgreSQL wire protocol on loopback, so the app keeps
 * one driver and one dialect. `dataDir` undefined keeps the database in memory (tests).
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  // pg_trgm serves the order index's free-text search, as it does on PostgreSQL.
  const pg = await PGlite.create(opts.dataDir, { extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db: pg, host: "127.0.0.1", port: opts.port ?? 0, maxConnections: 16 });
  await server.start();
  const [, port] = server.getServerConn().split(":");
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async close() {
      await server.stop();
      await pg.close();
    },
  };
}
