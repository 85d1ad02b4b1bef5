// What the append queue does with events written together: one the database refuses fails alone, an event
// already stored is not stored twice, and outcomes written in one batch still get one outcome per intent. The
// refusal is the database's own: a trigger on audit_events refuses rows whose correlation id says so, as a
// constraint would refuse one bad row.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { appendEvent, type NewEvent } from "@/lib/audit/append";
import { verifyChain } from "@/lib/audit/verify";
import { useTestDatabase } from "@/tests/support/db";
import { refuseMarkedEvents, REFUSED, withDatabase } from "./support";

const t = useTestDatabase();
beforeAll(() => refuseMarkedEvents(t.db));

function event(fields: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    at: new Date(),
    actorId: "u-batch",
    actorEmail: "batch@example.com",
    action: "order.modify",
    orderNumber: "20-BATCH",
    correlationId: randomUUID().replaceAll("-", ""),
    intentId: null,
    outcome: "succeeded",
    request: null,
    before: null,
    after: null,
    ingramStatus: null,
    ingramErrors: null,
    ...fields,
  };
}

/**
 * Appends `first` alone and `queued` while it is written: the first call starts a write at once, the others
 * wait for it and go together as the next batch.
 */
function appendTogether(first: NewEvent, queued: NewEvent[], opts: { ifAbsent?: boolean } = {}) {
  return Promise.allSettled([appendEvent(t.db, first), ...queued.map((e) => appendEvent(t.db, e, opts))]);
}

const stored = (id: string) => t.db.auditEvent.findUnique({ where: { id } });

describe("the audit append queue", () => {
  it("an event the database refuses fails alone: the rest of its batch is written, in order, on one chain", async () => {
    const head = await t.db.auditHead.findUnique({ where: { id: 1 } });
    const before = head?.seq ?? 0n;
    const events = [event(), event(), event({ correlationId: REFUSED }), event(), event()];
    const results = await appendTogether(events[0]!, events.slice(1));

    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/refused by the test trigger/);
    const seqs = results.map((r) => (r.status === "fulfilled" ? r.value.seq : null));
    expect(seqs).toEqual([before + 1n, before + 2n, null, before + 3n, before + 4n]);
    for (const [i, e] of events.entries()) {
      const row = await stored(e.id);
      if (i === 2) expect(row).toBeNull();
      else
        expect(row).toMatchObject({
          seq: seqs[i],
          hash: (results[i] as PromiseFulfilledResult<{ hash: string }>).value.hash,
        });
    }
    expect(await t.db.auditHead.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ seq: before + 4n });
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });

  it("a batch of one refused event rejects it and leaves the queue working", async () => {
    const refused = await appendEvent(t.db, event({ correlationId: REFUSED })).catch((err: unknown) => err);
    expect(String(refused)).toMatch(/refused by the test trigger/);
    const next = event();
    await expect(appendEvent(t.db, next)).resolves.toMatchObject({ appended: true });
    expect(await stored(next.id)).not.toBeNull();
  });

  it("an event already stored is answered, not stored again, when asked ifAbsent: in a later batch or its own", async () => {
    const e = event();
    const first = await appendEvent(t.db, e);
    expect(first.appended).toBe(true);
    await expect(appendEvent(t.db, e, { ifAbsent: true })).resolves.toEqual({ ...first, appended: false });

    const twice = event();
    const results = await appendTogether(event(), [twice, twice], { ifAbsent: true });
    const [, one, two] = results.map(
      (r) => (r as PromiseFulfilledResult<{ seq: bigint; hash: string; appended: boolean }>).value,
    );
    expect(one!.appended).toBe(true);
    expect(two).toEqual({ seq: one!.seq, hash: one!.hash, appended: false });
    expect(await t.db.auditEvent.count({ where: { id: { in: [e.id, twice.id] } } })).toBe(2);
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });

  it("without ifAbsent, an event id already stored is refused, and only that event fails", async () => {
    const e = event();
    await appendEvent(t.db, e);
    const other = event();
    const results = await appendTogether(event(), [e, other]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await t.db.auditEvent.count({ where: { id: e.id } })).toBe(1);
    expect(await stored(other.id)).not.toBeNull();
  });

  it("outcomes of several intents in one batch: each intent's first is its outcome, a second corrects the first", async () => {
    const [i1, i2] = [event({ outcome: "intent" }), event({ outcome: "intent" })];
    await appendEvent(t.db, i1);
    await appendEvent(t.db, i2);
    const o1 = event({ intentId: i1.id, outcome: "succeeded" });
    const o2 = event({ intentId: i2.id, outcome: "failed" });
    const c1 = event({ intentId: i1.id, outcome: "failed" });
    const results = await appendTogether(event(), [o1, o2, c1]);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);

    const placed = async (e: NewEvent) => {
      const row = await t.db.auditEvent.findUniqueOrThrow({ where: { id: e.id } });
      return { outcomeOf: row.outcomeOf, corrects: row.corrects };
    };
    expect(await placed(o1)).toEqual({ outcomeOf: i1.id, corrects: null });
    expect(await placed(o2)).toEqual({ outcomeOf: i2.id, corrects: null });
    expect(await placed(c1)).toEqual({ outcomeOf: null, corrects: o1.id });

    // A later outcome corrects the intent's outcome, not the correction written after it.
    const late = event({ intentId: i1.id, outcome: "unknown" });
    await appendEvent(t.db, late);
    expect(await placed(late)).toEqual({ outcomeOf: null, corrects: o1.id });
    // An event that closes no intent is neither.
    const plain = event();
    await appendEvent(t.db, plain);
    expect(await placed(plain)).toEqual({ outcomeOf: null, corrects: null });
  });

  it("outcomes stored before outcome_of existed: the earliest counts as the intent's first", async () => {
    // The test rewrites stored rows (which breaks the chain): on a database of its own.
    await withDatabase(async ({ db }) => {
      const intent = event({ outcome: "intent" });
      const legacy = [
        event({ intentId: intent.id, outcome: "succeeded" }),
        event({ intentId: intent.id, outcome: "failed" }),
      ];
      await appendEvent(db, intent);
      for (const e of legacy) await appendEvent(db, e);
      // The rows as an earlier version wrote them: both linked by intent_id alone.
      await db.$executeRaw`UPDATE "audit_events" SET outcome_of = NULL, corrects = NULL
        WHERE id IN (${legacy[0]!.id}::uuid, ${legacy[1]!.id}::uuid)`;
      const next = event({ intentId: intent.id, outcome: "unknown" });
      await appendEvent(db, next);
      const row = await db.auditEvent.findUniqueOrThrow({ where: { id: next.id } });
      expect({ outcomeOf: row.outcomeOf, corrects: row.corrects }).toEqual({
        outcomeOf: null,
        corrects: legacy[0]!.id,
      });
    });
  });
});
