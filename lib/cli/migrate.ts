// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to the embedded database under .data/.
import { openCliDatabase } from "@/lib/database/cli-database";
import { migrate } from "@/lib/database/apply-migrations";

const database = await openCliDatabase();
try {
  const applied = await migrate(database.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await database.close();
}
