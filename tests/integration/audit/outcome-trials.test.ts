// "The database dies between the Ingram call and the outcome write", 100 randomized trials: every intent ends
// with an outcome after flush + reconcile, and outcomes kept on disk are the real ones, not reconstructions.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileOpenIntents } from "@/lib/audit/reconcile";
import { recordIntent, recordOutcome } from "@/lib/audit/record";
import { verifyChain } from "@/lib/audit/verify";
import type { Db } from "@/lib/db";
import { useTestDatabase } from "@/tests/support/db";
import { buyer, correlationId, killInstance, openIntentCount, range, refusingDb, tempSpoolDir } from "./support";

// Each test asserts on the whole audit log and reconciles every open intent, so each gets a database of its own.
const t = useTestDatabase(undefined, { per: "test" });
let down: Db;
beforeAll(async () => {
  down = await refusingDb();
});
afterAll(async () => {
  await down?.$disconnect();
});

/** mulberry32: reproducible randomness; the seed is printed on failure. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Fate = "ok" | "db_dies" | "crash";

describe("outcome after action", () => {
  const seed = Date.now() % 1_000_000;
  it(`100 randomized trials leave no intent without an outcome (seed ${seed})`, async () => {
    const random = rng(seed);
    const spoolDir = tempSpoolDir();
    const ingram = new Map<string, { ingramOrderNumber: string; orderStatus: string }>();
    const fates = new Map<string, { fate: Fate; orderNumber: string }>();
    // The process that crashes is another instance than the one that restarts and reconciles.
    const crashed = randomUUID();

    for (const i of range(100)) {
      const orderNumber = `20-TR${i}`;
      ingram.set(orderNumber, { ingramOrderNumber: orderNumber, orderStatus: "ON HOLD" });
      const fate: Fate = (["ok", "db_dies", "crash"] as const)[Math.floor(random() * 3)]!;
      const intent = await recordIntent(
        {
          actor: buyer,
          action: "order.cancel",
          orderNumber,
          correlationId: correlationId(i),
          before: ingram.get(orderNumber),
        },
        { db: t.db, spoolDir, instanceId: fate === "crash" ? crashed : undefined },
      );
      fates.set(intent.id, { fate, orderNumber });
      ingram.set(orderNumber, { ingramOrderNumber: orderNumber, orderStatus: "CANCELLED" }); // the Ingram call
      if (fate === "crash") continue; // the process died before writing anything
      const r = await recordOutcome(
        intent,
        { outcome: "succeeded", ingramStatus: 200 },
        { db: fate === "db_dies" ? down : t.db, spoolDir },
      );
      expect(r.spooled).toBe(fate === "db_dies");
    }
    const count = (f: Fate) => [...fates.values()].filter((x) => x.fate === f).length;
    // Each later intent flushes what earlier trials spooled (the database is back by then), so only the
    // crashed trials, and spooled ones not yet flushed, are open here.
    const open = await openIntentCount(t.db);
    expect(open).toBeGreaterThanOrEqual(count("crash"));
    expect(open).toBeLessThanOrEqual(count("crash") + count("db_dies"));
    expect(count("crash")).toBeGreaterThan(0);
    expect(count("db_dies")).toBeGreaterThan(0);

    // Restart: flush the spool, then reconcile what is still open against Ingram's current state.
    await killInstance(t.db, crashed);
    let reads = 0;
    const result = await reconcileOpenIntents(
      async (orderNumber) => {
        reads++;
        return ingram.get(orderNumber!);
      },
      { db: t.db, spoolDir, olderThanMs: 0 },
    );
    expect(result).toEqual({ reconciled: count("crash"), spooled: 0 });
    expect(reads).toBe(count("crash"));
    expect(await openIntentCount(t.db)).toBe(0);

    const outcomes = await t.db.auditEvent.findMany({ where: { intentId: { not: null } } });
    expect(outcomes).toHaveLength(100);
    for (const o of outcomes) {
      const { fate, orderNumber } = fates.get(o.intentId!)!;
      expect(o.orderNumber).toBe(orderNumber);
      if (fate === "crash") {
        expect(o.request).toEqual({ reconciled: true });
        expect(o.outcome).toBe("succeeded"); // a cancel observed as cancelled
        expect(o.after).toEqual({ ingramOrderNumber: orderNumber, orderStatus: "CANCELLED" });
      } else {
        expect(o.request).toBeNull();
        expect(o.ingramStatus).toBe(200);
      }
    }
    expect(await verifyChain(t.db)).toMatchObject({ ok: true, count: 100 + outcomes.length });
  });

  it("records unknown with the read error when the order cannot be re-read, and leaves young intents alone", async () => {
    const spoolDir = tempSpoolDir();
    const dead = randomUUID();
    const a = await recordIntent(
      { actor: buyer, action: "order.modify", orderNumber: "20-RE1", correlationId: correlationId(1) },
      { db: t.db, spoolDir, instanceId: dead },
    );
    await killInstance(t.db, dead);
    const young = await reconcileOpenIntents(async () => ({}), { db: t.db, spoolDir });
    expect(young).toEqual({ reconciled: 0, spooled: 0 });

    const failing = Object.assign(new Error("Ingram unavailable"), { status: 503 });
    const r = await reconcileOpenIntents(async () => Promise.reject(failing), { db: t.db, spoolDir, olderThanMs: 0 });
    expect(r.reconciled).toBe(1);
    const o = await t.db.auditEvent.findFirstOrThrow({ where: { intentId: a.id } });
    expect(o).toMatchObject({
      outcome: "unknown",
      ingramStatus: 503,
      request: { reconciled: true, readError: "Ingram unavailable" },
    });
    expect(await openIntentCount(t.db)).toBe(0);
  });
});
