// Several portal instances on one database: an intent is closed by the instance that made it while that
// instance lives; a reconciler closes only intents whose owner is gone; and whichever outcome comes second
// is a correction naming the first. PGlite, and PostgreSQL with TEST_DB=postgres.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holdLease, releaseLease } from "@/lib/audit/heartbeat";
import { reconcileOpenIntents } from "@/lib/audit/reconcile";
import { recordIntent, recordOutcome } from "@/lib/audit/record";
import { recoverAudit } from "@/lib/audit/recover";
import { verifyChain, verifyOutcomes } from "@/lib/audit/verify";
import { createDb, type Db } from "@/lib/db";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { useSandbox } from "@/tests/support/sandbox";
import { useTestDatabase } from "@/tests/support/db";
import { buyer, correlationId, killInstance, tempSpoolDir } from "./support";

const t = useTestDatabase();
const sb = useSandbox({ client: { timeoutMs: 8000 } });
let a: Db;
let b: Db;
beforeAll(async () => {
  a = createDb(t.url, 2);
  b = createDb(t.url, 2);
});
afterAll(async () => {
  await a?.$disconnect();
  await b?.$disconnect();
});

const actor = { id: buyer.id, email: buyer.email, name: null, role: "buyer" as const };

async function eventsOf(intentId: string) {
  return t.db.auditEvent.findMany({ where: { intentId }, orderBy: { seq: "asc" } });
}

async function waitForIntent(orderNumber: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const row = await t.db.auditEvent.findFirst({
      where: { orderNumber, outcome: "intent" },
      orderBy: { seq: "desc" },
    });
    if (row) return row.id;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no intent for ${orderNumber}`);
}

describe(`audit ownership across instances (${process.env.TEST_DB === "postgres" ? "PostgreSQL" : "PGlite"})`, () => {
  it("a cancel in flight on A while B starts and reconciles ends with exactly one outcome, the true one", async () => {
    const n = FX.heldOrderNumbers[0];
    sb.sandbox.faults.set({ op: "cancel", times: 1, kind: "latency", ms: 2500 });
    const getsBefore = sb.sandbox.stats.count("get");
    // A (this process, its own instance id and heartbeat) cancels; Ingram is slow.
    const inFlight = cancelOrder(actor, n, { correlationId: correlationId(101) });
    const intentId = await waitForIntent(n);
    const gets = sb.sandbox.stats.count("get") - getsBefore; // A's read of the order before the change

    // B starts. Even with the deadline rule off (olderThanMs 0), A's live heartbeat keeps B away.
    await recoverAudit(b, { olderThanMs: 0 });
    expect(await eventsOf(intentId)).toEqual([]);
    expect(sb.sandbox.stats.count("get") - getsBefore).toBe(gets); // B did not even read the order

    const result = await inFlight;
    expect(result.outcome).toBe("succeeded");
    await recoverAudit(b, { olderThanMs: 0 });
    const outcomes = await eventsOf(intentId);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ outcome: "succeeded", outcomeOf: intentId, corrects: null, request: null });
    expect(sb.sandbox.store.getOrder(n)?.status).toBe("Canceled");
    expect((await verifyOutcomes(t.db)).duplicates).toEqual([]);
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it("never reconciles an intent inside Ingram's deadline, even when its owner is gone", async () => {
    const spoolDir = tempSpoolDir();
    const owner = randomUUID();
    const intent = await recordIntent(
      { actor: buyer, action: "order.cancel", orderNumber: FX.heldOrderNumbers[1], correlationId: correlationId(102) },
      { db: a, spoolDir, instanceId: owner },
    );
    await killInstance(t.db, owner);
    expect(await reconcileOpenIntents(async () => ({}), { db: b, spoolDir })).toEqual({ reconciled: 0, spooled: 0 });
    expect(await eventsOf(intent.id)).toEqual([]);
    const r = await reconcileOpenIntents(async () => ({ orderStatus: "On Hold" }), { db: b, spoolDir, olderThanMs: 0 });
    expect(r.reconciled).toBe(1);
  });

  it("a late real outcome after a reconciler's is stored as a correction naming it", async () => {
    const spoolDir = tempSpoolDir();
    const owner = randomUUID();
    const n = FX.heldOrderNumbers[2];
    const intent = await recordIntent(
      {
        actor: buyer,
        action: "order.cancel",
        orderNumber: n,
        correlationId: correlationId(103),
        request: { cancel: true },
      },
      { db: a, spoolDir, instanceId: owner },
    );
    // A looks dead (say, cut off from the database for a while) but its call is still running.
    await killInstance(t.db, owner);
    await recoverAudit(b, { olderThanMs: 0 });
    const [first] = await eventsOf(intent.id);
    expect(first).toMatchObject({ outcome: "unknown", outcomeOf: intent.id, request: { reconciled: true } });

    await sb.client.cancelOrder(n, { correlationId: correlationId(103) });
    const late = await recordOutcome(intent, { outcome: "succeeded", ingramStatus: 200 }, { db: a, spoolDir });
    expect(late.spooled).toBe(false);
    const events = await eventsOf(intent.id);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ id: late.id, outcome: "succeeded", outcomeOf: null, corrects: first!.id });
    expect((await verifyOutcomes(t.db)).duplicates).toEqual([]);
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it("a reconciler's outcome after the real one is stored as a correction naming it", async () => {
    const spoolDir = tempSpoolDir();
    const owner = randomUUID();
    const intent = await recordIntent(
      { actor: buyer, action: "order.release", orderNumber: "20-RACE1", correlationId: correlationId(104) },
      { db: a, spoolDir, instanceId: owner },
    );
    await killInstance(t.db, owner);
    let real = "";
    const r = await reconcileOpenIntents(
      async () => {
        // The owner's outcome lands while the reconciler reads Ingram.
        real = (await recordOutcome(intent, { outcome: "succeeded", ingramStatus: 200 }, { db: a, spoolDir })).id;
        return { orderStatus: "On Hold" };
      },
      { db: b, spoolDir, olderThanMs: 0 },
    );
    expect(r.reconciled).toBe(1);
    const events = await eventsOf(intent.id);
    expect(events.map((e) => [e.id, e.outcomeOf, e.corrects])).toEqual([
      [real, intent.id, null],
      [events[1]!.id, null, real],
    ]);
    expect(events[1]!.request).toEqual({ reconciled: true });
  });

  it("an intent's heartbeat outlives its owner's calls only while they are in flight", async () => {
    const owner = randomUUID();
    await holdLease(a, owner);
    const beat = async () =>
      (await t.db.auditInstance.findUniqueOrThrow({ where: { id: owner } })).heartbeatAt.getTime();
    const first = await beat();
    await new Promise((r) => setTimeout(r, 5600));
    expect(await beat()).toBeGreaterThan(first);
    releaseLease(owner);
    const last = await beat();
    await new Promise((r) => setTimeout(r, 5600));
    expect(await beat()).toBe(last);
  }, 20_000);
});

describe("one outcome per intent, by the database", () => {
  it("refuses a second outcome inserted directly", async () => {
    const spoolDir = tempSpoolDir();
    const intent = await recordIntent(
      { actor: buyer, action: "order.modify", orderNumber: "20-UQ1", correlationId: correlationId(105) },
      { db: a, spoolDir },
    );
    await recordOutcome(intent, { outcome: "succeeded" }, { db: a, spoolDir });
    const head = await t.db.auditHead.findUniqueOrThrow({ where: { id: 1 } });
    await expect(
      t.db.auditEvent.create({
        data: {
          seq: head.seq + 1n,
          action: "order.modify",
          outcome: "failed",
          intentId: intent.id,
          outcomeOf: intent.id,
          prevHash: head.hash,
          hash: `forged-${randomUUID()}`,
        },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
    await expect(
      t.db.$executeRawUnsafe(
        `INSERT INTO "audit_events" (seq, id, action, outcome, intent_id, outcome_of, prev_hash, hash)
         VALUES ($1, $2::uuid, 'order.modify', 'failed', $3::uuid, $3::uuid, $4, $5)`,
        head.seq + 1n,
        randomUUID(),
        intent.id,
        head.hash,
        `forged-${randomUUID()}`,
      ),
    ).rejects.toThrow(/unique|duplicate|23505/i);
  });
});
