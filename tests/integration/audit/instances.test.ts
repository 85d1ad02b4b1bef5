// Several portal instances on one database: separate clients (separate pools) append concurrently.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEvent, recordIntent, recordOutcome } from "@/lib/audit/record";
import { verifyChain } from "@/lib/audit/verify";
import { createDb, type Db } from "@/lib/db";
import { useTestDatabase } from "@/tests/support/db";
import { buyer, correlationId, range, seqs, tempSpoolDir } from "./support";

const t = useTestDatabase();
let a: Db;
let b: Db;
beforeAll(async () => {
  a = createDb(t.url, 5);
  b = createDb(t.url, 5);
});
afterAll(async () => {
  await a?.$disconnect();
  await b?.$disconnect();
});

describe(`two instances appending concurrently (${process.env.TEST_DB === "postgres" ? "PostgreSQL" : "PGlite"})`, () => {
  it("keep one linear chain with contiguous sequence numbers, from an empty head", async () => {
    const spoolDir = tempSpoolDir();
    const work = (db: Db, offset: number) =>
      range(60).map(async (i) => {
        const n = offset + i;
        if (i % 4 === 0) {
          const r = await recordEvent(
            { action: "user.sign_in", outcome: "succeeded", actor: buyer, correlationId: correlationId(n) },
            { db, spoolDir },
          );
          expect(r.spooled).toBe(false);
          return;
        }
        const intent = await recordIntent(
          { actor: buyer, action: "order.release", orderNumber: `20-I${n}`, correlationId: correlationId(n) },
          { db, spoolDir },
        );
        const r = await recordOutcome(intent, { outcome: "succeeded", ingramStatus: 200 }, { db, spoolDir });
        expect(r.spooled).toBe(false);
      });
    await Promise.all([...work(a, 0), ...work(b, 1000)]);
    const expected = 2 * (15 + 45 * 2);
    expect(await seqs(t.db)).toEqual(range(expected));
    expect(await verifyChain(t.db)).toMatchObject({ ok: true, count: expected, lastSeq: expected });
    const head = await t.db.auditHead.findUniqueOrThrow({ where: { id: 1 } });
    expect(head.seq).toBe(BigInt(expected));
    const prevs = await t.db.auditEvent.findMany({ select: { prevHash: true } });
    expect(new Set(prevs.map((p) => p.prevHash)).size).toBe(expected);
  });
});
