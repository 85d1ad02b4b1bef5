// Child entry: the portal's database for one bench stack, migrated, with one viewer user. Prints
// `BENCH_DB <json>` once ready and serves until SIGTERM. With a PostgreSQL server URL as its argument it
// creates a database of its own there (dropped again on SIGTERM); without one it serves an in-memory embedded
// database. It runs apart from the load generator so that the portal's per-request session lookup does not
// share an event loop with autocannon.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { migrate } from "@/lib/database/apply-migrations";
import { createDb } from "@/lib/db";

const server = process.argv[2];
let url: string;
let close: () => Promise<void>;
if (server) {
  const name = `orderdesk_bench_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  url = u.toString();
  close = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
} else {
  const embedded = await startEmbeddedPostgres();
  url = embedded.url;
  close = () => embedded.close();
}
await migrate(url);
const db = createDb(url, 1);
const user = await db.user.create({
  data: { email: "bench@bench.local", name: "Bench viewer", role: "viewer" },
  select: { id: true, role: true, sessionVersion: true },
});
await db.$disconnect();

console.log(`BENCH_DB ${JSON.stringify({ url, user, embedded: !server })}`);

const stop = () => {
  void close().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
setInterval(() => {}, 1 << 30);
