import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env.mjs";
import { PrismaClient } from "@/prisma/generated/client/client";

export type Db = PrismaClient;

/**
 * `max` 1 for the embedded database: pglite-socket interleaves the extended-protocol messages of concurrent
 * connections (electric-sql/pglite#1046), so the embedded server gets one connection and queries queue in
 * the pool, with a longer wait allowed for a free connection.
 */
export function createDb(connectionString: string, max = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max, connectionTimeoutMillis: max === 1 ? 30_000 : 5_000 });
  return new PrismaClient({ adapter });
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
