import { describe, expect, it } from "vitest";
import { recordIntent, recordOutcomeIf } from "@/lib/audit/record";
import { verifyChain } from "@/lib/audit/verify";
import { useTestDatabase } from "@/tests/support/db";
import { buyer, correlationId, range, seqs, tempSpoolDir, withDatabase } from "./support";

// recordOutcomeIf: an outcome that commits with the change it records (a v7 request's move to its final state)
// or not at all, written in the same batched transaction as any other appends, without breaking the chain.

const t = useTestDatabase();
const spoolDir = tempSpoolDir();

const intent = (i: number) =>
  recordIntent(
    { actor: buyer, action: "order.create_async", orderNumber: null, correlationId: correlationId(i), request: {} },
    { db: t.db, spoolDir },
  );

describe("an outcome guarded by the change it records", () => {
  it("commits with its guard's write, is left out when the guard finds nothing, and fails alone when it throws", async () => {
    await t.db.$executeRawUnsafe(`CREATE TABLE guard_marks (id text PRIMARY KEY)`);
    const intents = await Promise.all(range(12).map(intent));
    // Every fourth guard has nothing to do, every fourth+1 throws after writing: the rest make their change.
    const kind = (i: number) => (i % 4 === 0 ? "nothing" : i % 4 === 1 ? "throws" : "writes");
    const results = await Promise.allSettled(
      intents.map((it, i) =>
        recordOutcomeIf(
          it,
          { outcome: "succeeded", after: { i } },
          async (tx) => {
            if (kind(i) === "nothing") return false;
            await tx.$executeRawUnsafe(`INSERT INTO guard_marks (id) VALUES ($1)`, it.id);
            if (kind(i) === "throws") throw new Error(`guard ${i} failed`);
            return true;
          },
          { db: t.db, spoolDir },
        ),
      ),
    );

    const outcomes = await t.db.auditEvent.findMany({ where: { outcome: { not: "intent" } } });
    const marks = (await t.db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM guard_marks`)).map((m) => m.id);
    for (const [i, r] of results.entries()) {
      const id = intents[i]!.id;
      const written = outcomes.filter((o) => o.intentId === id);
      if (kind(i) === "writes") {
        expect(r.status).toBe("fulfilled");
        const rec = (r as PromiseFulfilledResult<Awaited<ReturnType<typeof recordOutcomeIf>>>).value;
        expect(rec).toMatchObject({ spooled: false, id: written[0]?.id });
        expect(rec!.seq).toBe(Number(written[0]!.seq));
        expect(written.map((o) => [o.outcome, o.outcomeOf])).toEqual([["succeeded", id]]);
        expect(marks).toContain(id);
      } else if (kind(i) === "nothing") {
        expect(r).toEqual({ status: "fulfilled", value: null });
        expect(written).toHaveLength(0);
      } else {
        expect(r.status).toBe("rejected");
        expect(String((r as PromiseRejectedResult).reason)).toMatch(`guard ${i} failed`);
        // The guard's own write went with the refused outcome.
        expect(written).toHaveLength(0);
        expect(marks).not.toContain(id);
      }
    }
    expect(outcomes).toHaveLength(6);
    expect(marks).toHaveLength(6);
    // One linear chain: 12 intents and 6 outcomes, contiguous, verified.
    expect(await seqs(t.db)).toEqual(range(18));
    expect(await verifyChain(t.db)).toMatchObject({ ok: true, count: 18 });
  });

  it("is written to the database it is given, not the process's", async () => {
    await withDatabase(async ({ db }) => {
      const own = await recordIntent(
        { actor: buyer, action: "order.create_async", orderNumber: null, correlationId: correlationId(90) },
        { db, spoolDir },
      );
      const rec = await recordOutcomeIf(own, { outcome: "failed" }, async () => true, { db, spoolDir });
      expect(await db.auditEvent.findUnique({ where: { id: rec!.id } })).toMatchObject({ intentId: own.id });
      expect(await t.db.auditEvent.count({ where: { intentId: own.id } })).toBe(0);
    });
  });
});
