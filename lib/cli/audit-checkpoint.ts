// `npm run audit:checkpoint [FILE]`: verifies the whole audit chain and, when it is intact, writes its head
// (seq and hash) as one line of JSON to FILE or stdout; exit 1 (and no checkpoint) when the chain is broken, 2
// when the database cannot be read. Keep the checkpoints away from the database (another machine, a ticket, a
// write-once store): `npm run audit:verify -- --checkpoint FILE` then proves the chain still holds them.
import { writeFileSync } from "node:fs";
import { createDb } from "@/lib/db";
import { openCliDatabase } from "@/lib/database/cli-database";
import { checkpointText } from "@/lib/audit/checkpoint";
import { verifyChain } from "@/lib/audit/verify";

async function main(): Promise<number> {
  const file = process.argv[2];
  let database;
  try {
    database = await openCliDatabase();
  } catch (err) {
    process.stderr.write(`audit:checkpoint: cannot open the database: ${(err as Error).message}\n`);
    return 2;
  }
  const db = createDb(database.url, database.maxConnections);
  try {
    const result = await verifyChain(db);
    if (!result.ok || result.headHash === undefined) {
      const b = result.firstBroken;
      process.stderr.write(`audit:checkpoint: the chain is broken at event #${b?.seq} (${b?.reason}); no checkpoint\n`);
      return 1;
    }
    const text = checkpointText({ seq: result.lastSeq, hash: result.headHash });
    if (file) {
      writeFileSync(file, text, { mode: 0o600 });
      process.stderr.write(`checkpoint #${result.lastSeq} written to ${file}\n`);
    } else {
      process.stdout.write(text);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`audit:checkpoint: cannot read the audit log: ${(err as Error).message}\n`);
    return 2;
  } finally {
    await db.$disconnect().catch(() => undefined);
    await database.close();
  }
}

process.exitCode = await main();
