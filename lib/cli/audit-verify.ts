// `npm run audit:verify`: exit 0 when the audit chain is intact, 1 naming the first broken event, 2 when the
// database cannot be read. Uses DATABASE_URL (for the embedded database, the URL the launcher serves).
import { env } from "@/lib/env.mjs";
import { createDb } from "@/lib/db";
import { verifyChain } from "@/lib/audit/verify";

async function main(): Promise<number> {
  if (!env.databaseUrl) {
    process.stderr.write("audit:verify: DATABASE_URL is not set (point it at the portal's database)\n");
    return 2;
  }
  const db = createDb(env.databaseUrl, 2);
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
  }
}

process.exitCode = await main();
