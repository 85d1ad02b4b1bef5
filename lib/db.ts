import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/env.mjs";
import { log } from "@/lib/log";
import { PrismaClient } from "@/prisma/generated/client/client";

export type Db = PrismaClient;

/**
 * The pg pool under each client createDb made: Prisma's adapter runs on it, and so do the hot statements
 * (hotQuery). `named`: whether a hot statement may be a named prepared statement. Not on the embedded database:
 * pglite-socket serves every connection (the launcher's, the server's) from one PGlite session, where one pool's
 * statement names would collide with another's. Kept on globalThis, like the client: Next.js bundles this module
 * once per layer (route handlers and pages' server components each have a copy), and a copy that could not find
 * the pool of a client another copy made would send the hot statements through Prisma, unprepared.
 */
const globalForPools = globalThis as unknown as {
  orderdeskPools?: WeakMap<PrismaClient, { pool: pg.Pool; named: boolean }>;
};
const pools = (globalForPools.orderdeskPools ??= new WeakMap());

/**
 * `max` 1 for the embedded database: pglite-socket interleaves the extended-protocol messages of concurrent
 * connections (electric-sql/pglite#1046), so the embedded server gets one connection and queries queue in
 * the pool, with a longer wait allowed for a free connection.
 */
export function createDb(connectionString: string, max = 10): PrismaClient {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: max === 1 ? 30_000 : 5_000 });
  // An idle connection the server dropped (a restart) is replaced on the next checkout; without a listener
  // its error would end the process before Prisma, which adds its own on connecting, has run a query.
  pool.on("error", (err) => log("warn", "an idle database connection failed", { err }));
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, { pool, named: max > 1 });
  // Prisma ends the pool only if it connected; hot statements may have used it without Prisma.
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    await disconnect();
    if (!pool.ended) await pool.end();
  };
  return client;
}

/**
 * One statement that runs on (nearly) every request, on its own (no transaction): the session's user, the
 * index's coverage and counts, a list page, an order's detail, the Ingram budget's grant, and the one-statement
 * index writes of a detail or search page read again. It goes to the pg pool under the Prisma client, without
 * Prisma's per-query work, and on PostgreSQL as a named prepared statement, so that it is parsed and planned
 * once per connection instead of on every request; the profile and PostgreSQL's statement log put both among
 * the largest costs of a request (README, Performance). Same pool, same connections, same error mapping
 * (lib/error-map.ts); transactions and everything else stay with Prisma. Values come back as pg parses them:
 * timestamptz as Date, json and jsonb parsed, float8 and int4 as numbers.
 */
export async function hotQuery<T>(d: Db, query: HotStatement): Promise<T[]> {
  const client = clientOf(d);
  const res = await onPool<T>(client, query);
  return res ? res.rows : client.$queryRawUnsafe<T[]>(query.text, ...query.values);
}

/** hotQuery for a statement that changes rows (no RETURNING): how many it changed. */
export async function hotExecute(d: Db, query: HotStatement): Promise<number> {
  const client = clientOf(d);
  const res = await onPool(client, query);
  return res ? (res.rowCount ?? 0) : client.$executeRawUnsafe(query.text, ...query.values);
}

type HotStatement = { text: string; values: unknown[] };

/** On the client's own pool (null for a client createDb did not make). */
async function onPool<T>(
  client: PrismaClient,
  query: HotStatement,
): Promise<pg.QueryResult<T & pg.QueryResultRow> | null> {
  const under = pools.get(client);
  if (!under) return null;
  const name = under.named ? `hot_${createHash("sha1").update(query.text).digest("hex").slice(0, 16)}` : undefined;
  return under.pool.query<T & pg.QueryResultRow>({ name, text: query.text, values: query.values });
}

const globalForDb = globalThis as unknown as { orderdeskDb?: PrismaClient };

function instance(): PrismaClient {
  if (globalForDb.orderdeskDb) return globalForDb.orderdeskDb;
  if (!env.databaseUrl) {
    throw new Error("DATABASE_URL is not set: start the portal with `npm start` (embedded database) or set it");
  }
  const client = createDb(env.databaseUrl, env.embeddedDb ? 1 : 10);
  globalForDb.orderdeskDb = client;
  // The server launched by `npm start` runs the order-index sync with its client (lib/order-index/sync-process.ts).
  if (env.runSync) void import("@/lib/order-index/sync-process").then((m) => m.startProcessSync(client));
  return client;
}

/** For processes that open the database themselves (the launcher, CLIs, tests): make `db` use this client. */
export function installDb(client: PrismaClient): void {
  globalForDb.orderdeskDb = client;
}

/**
 * The process's one Prisma client, created on first use so that importing a module (as `next build` does)
 * never opens a connection.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = instance();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** The client a `Db` stands for: the installed one behind `db`, for state kept per database (a WeakMap's key). */
export function clientOf(d: Db): PrismaClient {
  return d === db ? instance() : d;
}
