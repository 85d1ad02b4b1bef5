// `npm run audit:verify`: exit 0 when the audit chain is intact and no intent has more than one outcome, 1
// naming the first broken event or each intent with several outcomes, 2 when the database cannot be read.
// Also lists the intents still open, with their age. With `--checkpoint FILE` (written by
// `npm run audit:checkpoint`), also fails unless the chain still holds that checkpoint's event and hash. Uses
// DATABASE_URL, or the embedded database (lib/database/cli-database.ts); the chain's key is AUDIT_KEY.
import { readFileSync } from "node:fs";
import { createDb } from "@/lib/db";
import { openCliDatabase } from "@/lib/database/cli-database";
import { holdsCheckpoint, parseCheckpoint } from "@/lib/audit/checkpoint";
import { type ChainPoint, verifyChain, verifyOutcomes, type OutcomeReport } from "@/lib/audit/verify";

function age(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h${String(Math.floor(s / 60) % 60).padStart(2, "0")}m`;
  return `${Math.floor(s / 86400)}d${String(Math.floor(s / 3600) % 24).padStart(2, "0")}h`;
}

function printOutcomes(report: OutcomeReport): boolean {
  if (report.open.length) {
    process.stdout.write(`open intents: ${report.open.length}\n`);
    for (const o of report.open) {
      process.stdout.write(
        `  #${o.seq} ${o.action}${o.orderNumber ? ` ${o.orderNumber}` : ""} (id ${o.id}) open for ${age(o.ageMs)}\n`,
      );
    }
  } else {
    process.stdout.write("open intents: none\n");
  }
  for (const d of report.duplicates) {
    process.stderr.write(
      `intent #${d.intentSeq} (id ${d.intentId}) has ${d.outcomeSeqs.length} outcomes: ` +
        `${d.outcomeSeqs.map((s) => `#${s}`).join(", ")}\n`,
    );
  }
  return report.duplicates.length === 0;
}

function checkpointArg(argv: string[]): ChainPoint | null {
  const i = argv.indexOf("--checkpoint");
  if (i === -1) return null;
  const file = argv[i + 1];
  if (!file) throw new Error("--checkpoint needs a file name");
  return parseCheckpoint(readFileSync(file, "utf8"));
}

async function main(): Promise<number> {
  let checkpoint: ChainPoint | null;
  try {
    checkpoint = checkpointArg(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`audit:verify: cannot read the checkpoint: ${(err as Error).message}\n`);
    return 2;
  }
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
    if (!result.ok) {
      const b = result.firstBroken!;
      process.stderr.write(
        `chain BROKEN at event #${b.seq}${b.id ? ` (id ${b.id})` : ""}: ${b.reason}; ` +
          `${result.count} events intact before it (up to #${result.lastSeq})\n`,
      );
      if (b.reason === "unkeyed head")
        process.stderr.write(
          "no event has been written with AUDIT_KEY yet: any audited action starts the keyed chain\n",
        );
    } else {
      process.stdout.write(`chain verified: ${result.count} events, head #${result.lastSeq}\n`);
      if (result.unkeyed)
        process.stdout.write(
          `events #1-#${result.unkeyed} were hashed before AUDIT_KEY; the keyed events after them cover them\n`,
        );
    }
    let held = true;
    if (checkpoint) {
      held = result.ok && checkpoint.seq <= result.lastSeq && (await holdsCheckpoint(db, checkpoint));
      if (held) process.stdout.write(`checkpoint #${checkpoint.seq} held\n`);
      else process.stderr.write(`checkpoint #${checkpoint.seq} NOT held: the chain no longer contains it\n`);
    }
    const single = printOutcomes(await verifyOutcomes(db));
    return result.ok && single && held ? 0 : 1;
  } catch (err) {
    process.stderr.write(`audit:verify: cannot read the audit log: ${(err as Error).message}\n`);
    return 2;
  } finally {
    await db.$disconnect().catch(() => undefined);
    await database.close();
  }
}

process.exitCode = await main();
