import { describe, expect, it } from "vitest";
import { holdsCheckpoint } from "@/lib/audit/checkpoint";
import { recordEvent, recordIntent, recordOutcome } from "@/lib/audit/record";
import { GENESIS_HASH } from "@/lib/audit/types";
import { verifyChain, verifyOutcomes } from "@/lib/audit/verify";
import type { Db } from "@/lib/db";
import { buyer, correlationId, tempSpoolDir, withDatabase } from "./support";

// The verifier's answers at its edges, exactly: an empty chain, a checkpoint that no longer holds or lies past
// the end, a head behind its events or lost, and the open-intent report. audit:verify prints these
// answers and the users page shows them, so a wrong count or a wrong seq is a wrong statement to an auditor.

const spoolDir = tempSpoolDir();

async function signIns(db: Db, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await recordEvent(
      { actor: buyer, action: "user.sign_in", outcome: "succeeded", correlationId: correlationId(i) },
      { db, spoolDir },
    );
  }
}

const hashAt = async (db: Db, seq: number) =>
  (await db.auditEvent.findUniqueOrThrow({ where: { seq: BigInt(seq) } })).hash;

describe("verifying the chain at its edges", () => {
  it("an empty chain is intact, with nothing counted and the genesis hash as its head", async () => {
    await withDatabase(async ({ db }) => {
      expect(await verifyChain(db)).toEqual({ ok: true, count: 0, lastSeq: 0, headHash: GENESIS_HASH });
      expect(await verifyChain(db, { from: { seq: 0, hash: "anything" } })).toEqual({
        ok: true,
        count: 0,
        lastSeq: 0,
        headHash: GENESIS_HASH,
      });
      expect(await holdsCheckpoint(db, { seq: 0, hash: "anything" })).toBe(true);
    });
  });

  it("from a checkpoint: counts only what follows it, and names the event when it no longer holds", async () => {
    await withDatabase(async ({ db }) => {
      await signIns(db, 5);
      const third = await db.auditEvent.findUniqueOrThrow({ where: { seq: 3n } });
      const head = await hashAt(db, 5);
      expect(await verifyChain(db, { from: { seq: 3, hash: third.hash } })).toEqual({
        ok: true,
        count: 2,
        lastSeq: 5,
        headHash: head,
      });
      expect(await holdsCheckpoint(db, { seq: 3, hash: third.hash })).toBe(true);

      expect(await verifyChain(db, { from: { seq: 3, hash: "hmac-sha256:other" } })).toEqual({
        ok: false,
        count: 0,
        lastSeq: 0,
        firstBroken: { seq: 3, id: third.id, reason: "checkpoint mismatch" },
      });
      expect(await holdsCheckpoint(db, { seq: 3, hash: "hmac-sha256:other" })).toBe(false);

      // A checkpoint past the chain's end: its events are gone (or it came from another database).
      expect(await verifyChain(db, { from: { seq: 9, hash: head } })).toEqual({
        ok: false,
        count: 0,
        lastSeq: 0,
        firstBroken: { seq: 9, id: null, reason: "checkpoint mismatch" },
      });
      expect(await holdsCheckpoint(db, { seq: 9, hash: head })).toBe(false);
    });
  });

  it("a head behind its events names the last event; batches of one walk the same chain", async () => {
    await withDatabase(async ({ db }) => {
      await signIns(db, 4);
      const fourth = await db.auditEvent.findUniqueOrThrow({ where: { seq: 4n } });
      expect(await verifyChain(db, { batchSize: 1 })).toEqual({
        ok: true,
        count: 4,
        lastSeq: 4,
        headHash: fourth.hash,
      });
      await db.$executeRawUnsafe(`UPDATE "audit_head" SET seq = 3, hash = $1 WHERE id = 1`, await hashAt(db, 3));
      expect(await verifyChain(db, { batchSize: 1 })).toEqual({
        ok: false,
        count: 4,
        lastSeq: 4,
        firstBroken: { seq: 4, id: fourth.id, reason: "head mismatch" },
      });
    });
  });

  it("a head that agrees with the last event on one of seq and hash only is a head mismatch at that event", async () => {
    await withDatabase(async ({ db }) => {
      await signIns(db, 4);
      const fourth = await db.auditEvent.findUniqueOrThrow({ where: { seq: 4n } });
      const mismatch = {
        ok: false,
        count: 4,
        lastSeq: 4,
        firstBroken: { seq: 4, id: fourth.id, reason: "head mismatch" },
      };
      // The right seq with another hash: the head is not the last event's, though it stands at its place.
      await db.$executeRawUnsafe(`UPDATE "audit_head" SET hash = 'hmac-sha256:forged' WHERE id = 1`);
      expect(await verifyChain(db)).toEqual(mismatch);
      // The last event's hash at an earlier seq.
      await db.$executeRawUnsafe(`UPDATE "audit_head" SET seq = 3, hash = $1 WHERE id = 1`, fourth.hash);
      expect(await verifyChain(db)).toEqual(mismatch);
      await db.$executeRawUnsafe(`UPDATE "audit_head" SET seq = 4 WHERE id = 1`);
      expect(await verifyChain(db)).toEqual({ ok: true, count: 4, lastSeq: 4, headHash: fourth.hash });
    });
  });

  it("walks the events in seq order, not in the order the table stores them", async () => {
    await withDatabase(async ({ db }) => {
      await signIns(db, 3);
      // An update writes a row's new version after the others: the table now stores 2, 3, 1.
      // (Prisma's batch query orders by seq whenever it takes a batch; this holds for any query that reads it.)
      await db.$executeRawUnsafe(`UPDATE "audit_events" SET actor_email = actor_email WHERE seq = 1`);
      const head = await hashAt(db, 3);
      expect(await verifyChain(db)).toEqual({ ok: true, count: 3, lastSeq: 3, headHash: head });
      expect(await verifyChain(db, { batchSize: 1 })).toEqual({ ok: true, count: 3, lastSeq: 3, headHash: head });
    });
  });

  it("a lost head row is rebuilt from the last stored event, and the chain goes on from there", async () => {
    await withDatabase(async ({ db }) => {
      await signIns(db, 3);
      await db.$executeRawUnsafe(`DELETE FROM "audit_head"`);
      expect((await verifyChain(db)).firstBroken).toEqual({
        seq: 3,
        id: (await db.auditEvent.findUniqueOrThrow({ where: { seq: 3n } })).id,
        reason: "head mismatch",
      });
      await signIns(db, 1);
      const fourth = await db.auditEvent.findUniqueOrThrow({ where: { seq: 4n } });
      expect(fourth.prevHash).toBe(await hashAt(db, 3));
      expect(await verifyChain(db)).toEqual({ ok: true, count: 4, lastSeq: 4, headHash: fourth.hash });
    });
  });

  it("reports each open intent with its order, owner and age in whole milliseconds; a closed one is not listed", async () => {
    await withDatabase(async ({ db }) => {
      const instanceId = "0b9d5c1e-3f7a-4c2e-9d1b-6a4f2e8c7b10";
      const open = await recordIntent(
        { actor: buyer, action: "order.cancel", orderNumber: "20-VE001", correlationId: correlationId(1) },
        { db, spoolDir, instanceId },
      );
      const closed = await recordIntent(
        { actor: buyer, action: "order.release", orderNumber: "20-VE002", correlationId: correlationId(2) },
        { db, spoolDir, instanceId },
      );
      await recordOutcome(closed, { outcome: "succeeded" }, { db, spoolDir });
      expect(await verifyOutcomes(db)).toEqual({
        open: [
          {
            seq: open.seq,
            id: open.id,
            action: "order.cancel",
            orderNumber: "20-VE001",
            instanceId,
            ageMs: expect.any(Number) as number,
          },
        ],
        duplicates: [],
      });
      const { open: listed } = await verifyOutcomes(db);
      expect(listed[0]!.ageMs).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(listed[0]!.ageMs)).toBe(true);

      // The age is the database's now() minus the intent's time: an intent from 90 s ago is listed as that old.
      const openedAt = (offset: string) =>
        db.$executeRawUnsafe(
          `UPDATE "audit_events" SET at = now() + $1::interval WHERE id = $2::uuid`,
          offset,
          open.id,
        );
      await openedAt("-90 seconds");
      const [aged] = (await verifyOutcomes(db)).open;
      expect(aged!.ageMs).toBeGreaterThanOrEqual(90_000);
      expect(aged!.ageMs).toBeLessThan(90_000 + 60_000);
      // A time ahead of the database's clock (a skewed writer) is not a negative age.
      await openedAt("1 minute");
      expect((await verifyOutcomes(db)).open[0]!.ageMs).toBe(0);
    });
  });
});
