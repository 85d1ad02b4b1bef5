// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to the embedded database under .data/.
import { join } from "node:path";
import { env } from "@/lib/env.mjs";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

const embedded = env.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: join(env.dataDir, "pglite") });
try {
  const applied = await migrate(env.databaseUrl ?? embedded!.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await embedded?.close();
}
