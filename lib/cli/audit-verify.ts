// `npm run audit:verify`: exit 0 when the audit chain is intact, 1 naming the first broken event, 2 when the
// database cannot be read. Uses DATABASE_URL, or the embedded database (lib/db/cli-database.ts).
import { createDb } from "@/lib/db";
import { openCliDatabase } from "@/lib/db/cli-database";
import { verifyChain } from "@/lib/audit/verify";

async function main(): Promise<number> {
  let database;
  try {
    database = await openCliDatabase();
  } catch (err) {
    process.stderr.write(`audit:verify: cannot open the database: ${(err as Error).message}\n`);
    return 2;
  }
  const db = createDb(database.url, database.maxConnections);
  try {
    const result = await verifyChain(db);
    if (result.ok) {
      process.stdout.write(`chain verified: ${result.count} events, head #${result.lastSeq}\n`);
      return 0;
    }
    const b = result.firstBroken!;
    process.stderr.write(
      `chain BROKEN at event #${b.seq}${b.id ? ` (id ${b.id})` : ""}: ${b.reason}; ` +
        `${result.count} events intact before it (up to #${result.lastSeq})\n`,
    );
    return 1;
  } catch (err) {
    process.stderr.write(`audit:verify: cannot read the audit log: ${(err as Error).message}\n`);
    return 2;
  } finally {
    await db.$disconnect().catch(() => undefined);
    await database.close();
  }
}

process.exitCode = await main();
