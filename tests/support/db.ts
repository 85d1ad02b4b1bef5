// Gives a test file a fresh, migrated database: in-memory PGlite over the wire by default, or a new database on
// the PostgreSQL server at 127.0.0.1:5432 when TEST_DB=postgres (tests may read process.env; the app may not).
// useTestDatabase() opens it in the suite's beforeAll and closes it in its afterAll; openTestDatabase() is for
// a test that needs a second database of its own and closes it itself.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type LifecycleOptions, useLifecycle } from "@/tests/support/lifecycle";
import { createDb, type Db, installDb } from "@/lib/db";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { migrate } from "@/lib/database/apply-migrations";

export interface TestDatabase {
  kind: "pglite" | "postgres";
  url: string;
  db: Db;
  close(): Promise<void>;
}

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function testDbKind(): "pglite" | "postgres" {
  return process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
}

async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `orderdesk_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A database for the calling suite: opened and installed in beforeAll, closed in afterAll (or around each test). */
export function useTestDatabase(kind = testDbKind(), opts: LifecycleOptions = {}): TestDatabase {
  const life = useLifecycle(
    "the test database",
    async () => {
      const t = await openTestDatabase(kind);
      installDb(t.db);
      return t;
    },
    (t) => t.close(),
    opts,
  );
  return {
    kind,
    get url() {
      return life.get().url;
    },
    get db() {
      return life.get().db;
    },
    close: () => life.get().close(),
  };
}

/** Opens a database without installing it as the app's `db` (the suite's own stays); the caller closes it. */
export async function openTestDatabase(kind = testDbKind()): Promise<TestDatabase> {
  if (kind === "postgres") {
    const created = await createPostgresDatabase();
    await migrate(created.url);
    const db = createDb(created.url, 10);
    return {
      kind,
      url: created.url,
      db,
      async close() {
        await db.$disconnect();
        await created.drop();
      },
    };
  }
  const embedded = await startEmbeddedPostgres();
  await migrate(embedded.url);
  const db = createDb(embedded.url, 1);
  return {
    kind,
    url: embedded.url,
    db,
    async close() {
      await db.$disconnect();
      await embedded.close();
    },
  };
}
