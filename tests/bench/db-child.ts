// Child entry: an in-memory embedded database for the portal under test, migrated, with one viewer user.
// Prints `BENCH_DB <json>` once ready and serves until SIGTERM. It runs apart from the load generator so that
// the portal's per-request session lookup does not share an event loop with autocannon.
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { migrate } from "@/lib/database/apply-migrations";
import { createDb } from "@/lib/db";

const embedded = await startEmbeddedPostgres();
await migrate(embedded.url);
const db = createDb(embedded.url, 1);
const user = await db.user.create({
  data: { email: "bench@bench.local", name: "Bench viewer", role: "viewer" },
  select: { id: true, role: true, sessionVersion: true },
});
await db.$disconnect();

console.log(`BENCH_DB ${JSON.stringify({ url: embedded.url, user })}`);

const stop = () => {
  void embedded.close().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
setInterval(() => {}, 1 << 30);
