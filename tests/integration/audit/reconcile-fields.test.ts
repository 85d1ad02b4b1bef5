import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type OpenIntent, reconcileOpenIntents } from "@/lib/audit/reconcile";
import { releaseLease } from "@/lib/audit/heartbeat";
import { recordIntent, recordOutcome } from "@/lib/audit/record";
import { env } from "@/lib/env.mjs";
import { useTestDatabase } from "@/tests/support/db";
import {
  buyer,
  correlationId,
  killInstance,
  refuseMarkedEvents,
  REFUSED_OUTCOME,
  refusingDb,
  tempSpoolDir,
  withDatabase,
} from "./support";

// What the reconciler hands its callbacks and what it records, exactly: the intent as it was written, the
// read error's HTTP status only when it is one, and which intents it takes (oldest first, up to its limit, a live
// owner's only when every owner is gone). Each test gets a database of its own: the reconciler takes every open
// intent it finds.

const t = useTestDatabase(undefined, { per: "test" });
const spoolDir = tempSpoolDir();

async function orphan(i: number, actor: typeof buyer | null = buyer, correlation = correlationId(i)) {
  const dead = randomUUID();
  const intent = await recordIntent(
    {
      actor,
      action: "order.modify",
      orderNumber: `20-RC00${i}`,
      correlationId: correlation,
      request: { notes: `n${i}` },
      before: { status: "OPEN" },
    },
    { db: t.db, spoolDir, instanceId: dead },
  );
  await killInstance(t.db, dead);
  return intent;
}

const outcomeOf = (intentId: string) => t.db.auditEvent.findFirstOrThrow({ where: { intentId } });

describe("reconciling orphaned intents", () => {
  it("hands readOrder and classify the intent as written, and records classify's verdict with the order read", async () => {
    const a = await orphan(1);
    const system = await orphan(2, null);
    const seen: OpenIntent[] = [];
    const r = await reconcileOpenIntents(
      async (orderNumber, intent) => {
        seen.push(intent);
        return { orderNumber, status: "SHIPPED" };
      },
      { db: t.db, spoolDir, olderThanMs: 0, classify: (intent) => (intent.id === a.id ? "succeeded" : "failed") },
    );
    expect(r).toEqual({ reconciled: 2, spooled: 0 });
    expect(seen).toEqual([
      {
        id: a.id,
        seq: a.seq,
        at: a.at,
        actor: { id: buyer.id, email: buyer.email },
        action: "order.modify",
        orderNumber: "20-RC001",
        correlationId: correlationId(1),
        instanceId: a.instanceId,
        request: { notes: "n1" },
        before: { status: "OPEN" },
      },
      expect.objectContaining({ id: system.id, actor: null, correlationId: correlationId(2) }),
    ]);
    expect(await outcomeOf(a.id)).toMatchObject({
      outcome: "succeeded",
      actorId: buyer.id,
      after: { orderNumber: "20-RC001", status: "SHIPPED" },
      ingramStatus: null,
      request: { reconciled: true },
    });
    expect(await outcomeOf(system.id)).toMatchObject({ outcome: "failed", actorId: null });
  });

  it("a failed read is unknown, with Ingram's status only when the error carries a real one", async () => {
    const cases = [
      { status: 404, stored: 404 },
      { status: 0, stored: null },
      { status: "503", stored: null },
    ];
    const intents = await Promise.all(cases.map((_, i) => orphan(i + 3)));
    const byId = new Map(intents.map((intent, i) => [intent.id, cases[i]!]));
    const r = await reconcileOpenIntents(
      async (_n, intent) => Promise.reject(Object.assign(new Error(`read ${intent.id}`), byId.get(intent.id))),
      { db: t.db, spoolDir, olderThanMs: 0, classify: () => "succeeded" },
    );
    expect(r).toEqual({ reconciled: 3, spooled: 0 });
    for (const [id, c] of byId) {
      expect(await outcomeOf(id)).toMatchObject({
        outcome: "unknown",
        ingramStatus: c.stored,
        request: { reconciled: true, readError: `read ${id}` },
      });
    }
  });

  it("takes the oldest first, up to its limit; a live owner's intent only when every owner is gone", async () => {
    const first = await orphan(6);
    const second = await orphan(7);
    const live = await recordIntent(
      { actor: buyer, action: "order.cancel", orderNumber: "20-RC008", correlationId: correlationId(8) },
      { db: t.db, spoolDir, instanceId: randomUUID() },
    );
    const read: string[] = [];
    const readOrder = async (_n: string | null, intent: OpenIntent) => void read.push(intent.id);
    const opts = { db: t.db, spoolDir, olderThanMs: 0 };

    expect(await reconcileOpenIntents(readOrder, { ...opts, limit: 1 })).toEqual({ reconciled: 1, spooled: 0 });
    expect(read).toEqual([first.id]);
    expect(await reconcileOpenIntents(readOrder, opts)).toEqual({ reconciled: 1, spooled: 0 });
    expect(read).toEqual([first.id, second.id]);
    expect(await reconcileOpenIntents(readOrder, { ...opts, ownersGone: true })).toEqual({
      reconciled: 1,
      spooled: 0,
    });
    expect(read).toEqual([first.id, second.id, live.id]);
    releaseLease(live.instanceId!);
  });

  it("an outcome the database refuses is kept in the spool and counted as spooled, not as reconciled", async () => {
    await refuseMarkedEvents(t.db);
    const refused = await orphan(9, buyer, REFUSED_OUTCOME);
    const written = await orphan(10);
    const dir = tempSpoolDir();
    const r = await reconcileOpenIntents(async () => ({ orderStatus: "OPEN" }), {
      db: t.db,
      spoolDir: dir,
      olderThanMs: 0,
    });
    expect(r).toEqual({ reconciled: 1, spooled: 1 });
    expect(await t.db.auditEvent.count({ where: { intentId: refused.id } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { intentId: written.id } })).toBe(1);
    expect(readdirSync(dir).length).toBe(1);
  });

  it("by default waits out Ingram's deadline and its margin: an intent past the call's timeout alone is left", async () => {
    const inMargin = await orphan(11);
    const past = await orphan(12);
    const age = async (id: string, ms: number) =>
      t.db
        .$executeRaw`UPDATE "audit_events" SET at = now() - (${ms}::int * interval '1 millisecond') WHERE id = ${id}::uuid`;
    await age(inMargin.id, env.ingram.timeoutMs + 2_000);
    await age(past.id, env.ingram.timeoutMs + 7_000);
    const read: string[] = [];
    const r = await reconcileOpenIntents(async (_n, intent) => void read.push(intent.id), { db: t.db, spoolDir });
    expect(r).toEqual({ reconciled: 1, spooled: 0 });
    expect(read).toEqual([past.id]);
  });

  it("reconciles the database it is given, not the process's, after writing that spool's outcomes", async () => {
    await withDatabase(async ({ db }) => {
      const dir = tempSpoolDir();
      const owner = randomUUID();
      const intent = await recordIntent(
        { actor: buyer, action: "order.cancel", orderNumber: "20-RC013", correlationId: correlationId(13) },
        { db, spoolDir: dir, instanceId: owner },
      );
      const down = await refusingDb();
      try {
        // The owner's real outcome reached only the spool before it died.
        const real = await recordOutcome(
          intent,
          { outcome: "succeeded" },
          { db: down, spoolDir: dir, instanceId: owner },
        );
        expect(real.spooled).toBe(true);
      } finally {
        await down.$disconnect();
      }
      await killInstance(db, owner);
      const other = await orphan(14);

      const r = await reconcileOpenIntents(async () => null, { db, spoolDir: dir, olderThanMs: 0 });
      expect(r).toEqual({ reconciled: 0, spooled: 0 });
      const outcomes = await db.auditEvent.findMany({ where: { intentId: intent.id } });
      expect(outcomes.map((o) => [o.outcome, o.request])).toEqual([["succeeded", null]]);
      expect(await t.db.auditEvent.count({ where: { intentId: other.id } })).toBe(0);
    });
  });
});
