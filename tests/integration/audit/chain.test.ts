import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { recordIntent, recordOutcome } from "@/lib/audit/record";
import { eventHash } from "@/lib/audit/chain";
import { env } from "@/lib/env.mjs";
import { verifyChain, verifyOutcomes } from "@/lib/audit/verify";
import { openTestDatabase, useTestDatabase } from "@/tests/support/db";
import { buyer, correlationId, range, seqs, tempSpoolDir } from "./support";

const run = promisify(execFile);
const t = useTestDatabase();
const spoolDir = tempSpoolDir();
const N = 200;

/** Runs `npm run audit:verify`'s command against a database (the suite's by default); resolves with exit code and output. */
async function cli(url = t.url): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "-C", "react-server", "lib/cli/audit-verify.ts"], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
      timeout: 60_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

// Every test below reads the chain these appends build, and puts back whatever it tampers with, so the tests
// pass in any order.
let spooled: boolean[] = [];
beforeAll(async () => {
  spooled = await Promise.all(
    range(N).map(async (i) => {
      const intent = await recordIntent(
        {
          actor: buyer,
          action: "order.modify",
          orderNumber: `20-T${i}`,
          correlationId: correlationId(i),
          request: { notes: `n${i}`, token: "x" },
          before: { notes: "old" },
        },
        { db: t.db, spoolDir },
      );
      const r = await recordOutcome(
        intent,
        { outcome: "succeeded", after: { notes: `n${i}` }, ingramStatus: 200 },
        { db: t.db, spoolDir },
      );
      return r.spooled;
    }),
  );
});

describe("audit chain under concurrency", () => {
  it(`stays linear with ${N} concurrent intent+outcome pairs`, async () => {
    expect(spooled).toEqual(range(N).map(() => false));
    expect(await seqs(t.db)).toEqual(range(2 * N));
    expect(await verifyChain(t.db, { batchSize: 64 })).toMatchObject({ ok: true, count: 2 * N, lastSeq: 2 * N });
    const intents = await t.db.auditEvent.findMany({ where: { outcome: "intent" } });
    expect(intents).toHaveLength(N);
    expect(intents.every((e) => !JSON.stringify(e.request).includes("token"))).toBe(true);
    const outcomes = await t.db.auditEvent.findMany({ where: { outcome: "succeeded" } });
    expect(new Set(outcomes.map((o) => o.intentId))).toEqual(new Set(intents.map((i) => i.id)));
    for (const o of outcomes) {
      const i = intents.find((x) => x.id === o.intentId)!;
      expect(o.seq > i.seq).toBe(true);
      expect(o.correlationId).toBe(i.correlationId);
    }
  });

  it("the CLI passes on the intact chain", async () => {
    const { code, out } = await cli();
    expect(out).toContain(`chain verified: ${2 * N} events, head #${2 * N}`);
    expect(out).toContain("open intents: none");
    expect(code).toBe(0);
  });

  it("the CLI lists open intents with their age, and names an intent with a planted second outcome", async () => {
    // On a database of its own, seeded with a short chain, so the shared chain the other tests read stays intact.
    const own = await openTestDatabase();
    try {
      const db = own.db;
      const base = 4;
      for (let i = 0; i < base / 2; i++) {
        const seed = await recordIntent(
          { actor: buyer, action: "order.modify", orderNumber: `20-S${i}`, correlationId: correlationId(8000 + i) },
          { db, spoolDir },
        );
        await recordOutcome(seed, { outcome: "succeeded", ingramStatus: 200 }, { db, spoolDir });
      }
      const intent = await recordIntent(
        { actor: buyer, action: "order.cancel", orderNumber: "20-PL1", correlationId: correlationId(9001) },
        { db, spoolDir },
      );
      const open = await cli(own.url);
      expect(open.code).toBe(0);
      expect(open.out).toContain("open intents: 1");
      expect(open.out).toMatch(new RegExp(`#${base + 1} order\\.cancel 20-PL1 \\(id ${intent.id}\\) open for \\d+s`));
      expect((await verifyOutcomes(db)).open).toMatchObject([{ seq: base + 1, id: intent.id, action: "order.cancel" }]);

      await recordOutcome(intent, { outcome: "succeeded", ingramStatus: 200 }, { db, spoolDir });
      // Planted past the unique index (outcome_of left NULL), yet hash-chained and with the head moved.
      const head = await db.auditHead.findUniqueOrThrow({ where: { id: 1 } });
      const planted = {
        seq: head.seq + 1n,
        id: randomUUID(),
        at: new Date(),
        actorId: null,
        actorEmail: null,
        action: "order.cancel",
        orderNumber: "20-PL1",
        correlationId: null,
        intentId: intent.id,
        outcome: "failed",
        request: null,
        before: null,
        after: null,
        ingramStatus: null,
        ingramErrors: null,
        prevHash: head.hash,
      };
      const hash = eventHash(planted, env.auditKey);
      await db.$executeRawUnsafe(
        `INSERT INTO "audit_events" (seq, id, at, action, order_number, intent_id, outcome, prev_hash, hash)
         VALUES ($1, $2::uuid, $3, $4, $5, $6::uuid, $7, $8, $9)`,
        planted.seq,
        planted.id,
        planted.at,
        planted.action,
        planted.orderNumber,
        planted.intentId,
        planted.outcome,
        planted.prevHash,
        hash,
      );
      await db.$executeRawUnsafe(`UPDATE "audit_head" SET seq = $1, hash = $2 WHERE id = 1`, planted.seq, hash);
      expect((await verifyChain(db)).ok).toBe(true);
      expect((await verifyOutcomes(db)).duplicates).toEqual([
        { intentSeq: base + 1, intentId: intent.id, outcomeSeqs: [base + 2, base + 3] },
      ]);
      const dup = await cli(own.url);
      expect(dup.code).toBe(1);
      expect(dup.out).toContain(`chain verified: ${base + 3} events, head #${base + 3}`);
      expect(dup.out).toContain(`intent #${base + 1} (id ${intent.id}) has 2 outcomes: #${base + 2}, #${base + 3}`);
    } finally {
      await own.close();
    }
  });

  it("detects one row edited directly, naming it (API and CLI), and recovers when it is put back", async () => {
    const victim = await t.db.auditEvent.findUniqueOrThrow({ where: { seq: 137n } });
    await t.db.$executeRawUnsafe(`UPDATE "audit_events" SET outcome = 'failed' WHERE seq = 137`);
    const r = await verifyChain(t.db, { batchSize: 50 });
    expect(r).toEqual({
      ok: false,
      count: 136,
      lastSeq: 136,
      firstBroken: { seq: 137, id: victim.id, reason: "hash mismatch" },
    });
    const { code, out } = await cli();
    expect(code).toBe(1);
    expect(out).toContain("#137");
    expect(out).toContain(victim.id);
    expect(out).toContain("hash mismatch");

    await t.db.$executeRawUnsafe(`UPDATE "audit_events" SET outcome = $1 WHERE seq = 137`, victim.outcome);
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it("detects a JSON payload edit, a re-hashed row, a deleted row and a moved head", async () => {
    const row = await t.db.auditEvent.findUniqueOrThrow({ where: { seq: 10n } });
    await t.db.$executeRawUnsafe(`UPDATE "audit_events" SET after = '{"notes":"forged"}' WHERE seq = 10`);
    expect((await verifyChain(t.db)).firstBroken).toEqual({ seq: 10, id: row.id, reason: "hash mismatch" });
    await t.db.$executeRawUnsafe(
      `UPDATE "audit_events" SET after = $1::jsonb WHERE seq = 10`,
      JSON.stringify(row.after),
    );
    expect((await verifyChain(t.db)).ok).toBe(true);

    // An edit that also recomputes the row's own hash (with the key) breaks the next link instead.
    const r20 = await t.db.auditEvent.findUniqueOrThrow({ where: { seq: 20n } });
    const r21 = await t.db.auditEvent.findUniqueOrThrow({ where: { seq: 21n } });
    const forged = eventHash({ ...r20, outcome: "failed" }, env.auditKey);
    await t.db.$executeRawUnsafe(`UPDATE "audit_events" SET outcome = 'failed', hash = $1 WHERE seq = 20`, forged);
    expect((await verifyChain(t.db)).firstBroken).toEqual({ seq: 21, id: r21.id, reason: "prevHash mismatch" });
    await t.db.$executeRawUnsafe(
      `UPDATE "audit_events" SET outcome = $1, hash = $2 WHERE seq = 20`,
      r20.outcome,
      r20.hash,
    );
    expect((await verifyChain(t.db)).ok).toBe(true);

    const fresh = await openTestDatabase();
    try {
      for (let i = 1; i <= 5; i++) {
        await recordIntent(
          { actor: null, action: "order.cancel", orderNumber: "20-X", correlationId: correlationId(i) },
          { db: fresh.db, spoolDir },
        );
      }
      const third = await fresh.db.auditEvent.findUniqueOrThrow({ where: { seq: 3n } });
      const fourth = await fresh.db.auditEvent.findUniqueOrThrow({ where: { seq: 4n } });
      await fresh.db.$executeRawUnsafe(`DELETE FROM "audit_events" WHERE seq = 3`);
      expect((await verifyChain(fresh.db)).firstBroken).toEqual({ seq: 4, id: fourth.id, reason: "sequence gap" });
      await fresh.db.$executeRawUnsafe(`DELETE FROM "audit_events" WHERE seq >= 4`);
      expect((await verifyChain(fresh.db)).firstBroken).toEqual({ seq: 3, id: null, reason: "head mismatch" });
      expect(third.prevHash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    } finally {
      await fresh.close();
    }
  });
});
