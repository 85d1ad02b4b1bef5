import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordEvent, recordIntent, recordOutcome, recordOutcomeIf } from "@/lib/audit/record";
import { flushSpool } from "@/lib/audit/spool";
import { verifyChain } from "@/lib/audit/verify";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/db";
import { createDb } from "@/lib/db";
import { useTestDatabase } from "@/tests/support/db";
import { buyer, correlationId, openIntentCount, range, refusingDb, silentServer, tempSpoolDir } from "./support";

// Each test asserts on every open intent in its database, so each gets a database of its own.
const t = useTestDatabase(undefined, { per: "test" });
let down: Db;

beforeAll(async () => {
  down = await refusingDb();
});
afterAll(async () => {
  await down?.$disconnect();
});

async function intentError(db: Db, spoolDir: string): Promise<unknown> {
  return recordIntent(
    { actor: buyer, action: "order.cancel", orderNumber: "20-RD3QV", correlationId: correlationId(1) },
    { db, spoolDir },
  ).catch((e: unknown) => e);
}

/** Every message and code down the error's cause chain: what ended the attempt, whatever wraps it. */
function causes(err: unknown): string {
  const parts: string[] = [];
  for (let e = err as { message?: unknown; code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    parts.push(String(e.message ?? ""), String(e.code ?? ""));
    if (parts.length > 20) break;
  }
  return parts.join(" | ");
}

describe("database unavailable", () => {
  it("recordIntent throws db_unavailable with Retry-After when connections are refused, at once (no timeout waited)", async () => {
    const err = await intentError(down, tempSpoolDir());
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("db_unavailable");
    // What the person who tried the change reads: nothing happened, and to try again.
    expect((err as AppError).message).toBe("The audit log is unavailable, so nothing was changed. Try again shortly.");
    expect((err as AppError).status).toBe(503);
    expect((err as AppError).retryAfterSeconds).toBeGreaterThan(0);
    // The refusal itself ended the attempt (no retry, no timeout waited out); a clock would measure the machine.
    expect(causes(err)).toMatch(/can't reach database server/i);
    expect(causes(err)).not.toMatch(/timeout/i);
  });

  it("recordIntent gives up on a black-holed database when the connection timeout fires", async () => {
    const silent = await silentServer();
    const db = createDb(silent.url, 2);
    try {
      const err = await intentError(db, tempSpoolDir());
      expect((err as AppError).code).toBe("db_unavailable");
      // The pool's connection timeout (lib/db.ts) ended it: without one the attempt would wait forever.
      expect(causes(err)).toMatch(/connection timeout/i);
    } finally {
      await silent.close();
      await db.$disconnect().catch(() => undefined);
    }
  });

  it("spools outcomes while the database is down and writes them all when it is back", async () => {
    const spoolDir = tempSpoolDir();
    const intents = await Promise.all(
      range(30).map((i) =>
        recordIntent(
          { actor: buyer, action: "order.release", orderNumber: `20-S${i}`, correlationId: correlationId(i) },
          { db: t.db, spoolDir },
        ),
      ),
    );
    const results = await Promise.all(
      intents.map((intent, i) =>
        recordOutcome(
          intent,
          { outcome: i % 3 ? "succeeded" : "failed", after: { n: i }, ingramStatus: 200 },
          { db: down, spoolDir },
        ),
      ),
    );
    expect(results.every((r) => r.spooled && r.seq === null)).toBe(true);
    const event = await recordEvent(
      { action: "user.sign_in", outcome: "failed", request: { email: "x@example.com", password: "p" } },
      { db: down, spoolDir },
    );
    expect(event.spooled).toBe(true);
    // Appends during the outage try a flush first, which moves pending lines to batch files: nothing is lost.
    const files = readdirSync(spoolDir);
    expect(files.every((f) => /^(pending|batch)-[\w-]+\.jsonl$/.test(f))).toBe(true);
    const lines = files.flatMap((f) => readFileSync(`${spoolDir}/${f}`, "utf8").split("\n").filter(Boolean));
    expect(lines).toHaveLength(31);
    expect(await openIntentCount(t.db)).toBe(30);

    // Still down: the flush keeps everything.
    expect(await flushSpool({ db: down, dir: spoolDir })).toEqual({ written: 0, remaining: 31 });
    expect(await openIntentCount(t.db)).toBe(30);

    expect(await flushSpool({ db: t.db, dir: spoolDir })).toEqual({ written: 31, remaining: 0 });
    expect(readdirSync(spoolDir)).toEqual([]);
    expect(await openIntentCount(t.db)).toBe(0);
    for (const [i, r] of results.entries()) {
      const row = await t.db.auditEvent.findUniqueOrThrow({ where: { id: r.id } });
      expect(row.intentId).toBe(intents[i]?.id);
      expect(row.outcome).toBe(i % 3 ? "succeeded" : "failed");
      expect(row.after).toEqual({ n: i });
    }
    const signIn = await t.db.auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(signIn.request).toEqual({ email: "x@example.com" });
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it("never writes a spooled event twice, even if a batch is replayed", async () => {
    const spoolDir = tempSpoolDir();
    const intent = await recordIntent(
      { actor: buyer, action: "order.modify", orderNumber: "20-D1", correlationId: correlationId(9) },
      { db: t.db, spoolDir },
    );
    const r = await recordOutcome(intent, { outcome: "succeeded" }, { db: down, spoolDir });
    const pending = `${spoolDir}/pending-${process.pid}.jsonl`;
    const line = readFileSync(pending, "utf8");
    writeFileSync(pending, line + line + "{torn");
    expect(await flushSpool({ db: t.db, dir: spoolDir })).toEqual({ written: 1, remaining: 0 });
    expect(await t.db.auditEvent.count({ where: { id: r.id } })).toBe(1);
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it("flushes pending outcomes before the next append, keeping their order ahead of it", async () => {
    const spoolDir = tempSpoolDir();
    const intent = await recordIntent(
      { actor: buyer, action: "order.cancel", orderNumber: "20-F1", correlationId: correlationId(3) },
      { db: t.db, spoolDir },
    );
    const spooled = await recordOutcome(intent, { outcome: "succeeded" }, { db: down, spoolDir });
    const next = await recordIntent(
      { actor: buyer, action: "order.cancel", orderNumber: "20-F2", correlationId: correlationId(4) },
      { db: t.db, spoolDir },
    );
    const row = await t.db.auditEvent.findUniqueOrThrow({ where: { id: spooled.id } });
    expect(Number(row.seq)).toBe(next.seq - 1);
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it("every kind of append writes what the spool holds first: an outcome, a guarded outcome, a one-shot event", async () => {
    const spoolDir = tempSpoolDir();
    const opts = { db: t.db, spoolDir };
    const spoolOne = async (i: number) => {
      const intent = await recordIntent(
        { actor: buyer, action: "order.release", orderNumber: `20-FL${i}`, correlationId: correlationId(40 + i) },
        opts,
      );
      return { intent, spooled: await recordOutcome(intent, { outcome: "succeeded" }, { db: down, spoolDir }) };
    };
    const seqOf = async (id: string) => Number((await t.db.auditEvent.findUniqueOrThrow({ where: { id } })).seq);

    const a = await spoolOne(1);
    const b = await spoolOne(2);
    expect(readdirSync(spoolDir)).not.toEqual([]);
    const outcome = await recordOutcome(b.intent, { outcome: "failed" }, opts);
    expect(await seqOf(a.spooled.id)).toBeLessThan(outcome.seq!);
    expect(await seqOf(b.spooled.id)).toBeLessThan(outcome.seq!);

    const c = await spoolOne(3);
    const guarded = await recordOutcomeIf(c.intent, { outcome: "failed" }, async () => true, opts);
    expect(await seqOf(c.spooled.id)).toBe(guarded!.seq! - 1);

    const d = await spoolOne(4);
    const event = await recordEvent({ action: "user.sign_in", outcome: "succeeded", actor: buyer }, opts);
    expect(await seqOf(d.spooled.id)).toBe(event.seq! - 1);
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});
