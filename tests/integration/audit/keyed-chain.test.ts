// Security review finding: the chain had no key and no checkpoint outside the database, so rewriting one
// event's actor and re-hashing the rest passed verification. Each scenario builds its own database.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { eventHash } from "@/lib/audit/chain";
import { verifySinceLastCheck } from "@/lib/audit/checkpoint";
import { recordEvent } from "@/lib/audit/record";
import { verifyChain } from "@/lib/audit/verify";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { tempDir } from "@/tests/support/temp-dir";
import { buyer, correlationId, tempSpoolDir, withDatabase } from "./support";

const run = promisify(execFile);
const spoolDir = tempSpoolDir();
const dir = tempDir("checkpoint");

async function cli(script: string, url: string, args: string[] = []): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "-C", "react-server", `lib/cli/${script}.ts`, ...args], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
      timeout: 60_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

async function appendSignIns(db: Db, n: number, from = 0): Promise<void> {
  for (let i = from; i < from + n; i++) {
    await recordEvent(
      { actor: buyer, action: "user.sign_in", outcome: "succeeded", correlationId: correlationId(i) },
      { db, spoolDir },
    );
  }
}

/**
 * Rewrites the event at `seq` with `change`, re-hashes it and every later event (up to `upTo`) with `key`, and
 * moves the head when it re-hashed the last event.
 */
async function rewriteAndRehash(
  db: Db,
  seq: number,
  change: Record<string, unknown>,
  key: string | null,
  upTo?: number,
) {
  const rows = await db.auditEvent.findMany({
    where: { seq: { gte: BigInt(seq), ...(upTo ? { lte: BigInt(upTo) } : {}) } },
    orderBy: { seq: "asc" },
  });
  let prevHash = rows[0]!.prevHash;
  for (const [i, row] of rows.entries()) {
    const edited = i === 0 ? { ...row, ...change } : row;
    const hash = eventHash({ ...edited, prevHash }, key);
    await db.$executeRawUnsafe(
      `UPDATE "audit_events" SET actor_id = $1, actor_email = $2, prev_hash = $3, hash = $4 WHERE seq = $5`,
      edited.actorId,
      edited.actorEmail,
      prevHash,
      hash,
      edited.seq,
    );
    prevHash = hash;
  }
  if (!upTo) await db.$executeRawUnsafe(`UPDATE "audit_head" SET hash = $1 WHERE id = 1`, prevHash);
}

const forgedActor = { actorId: "someone-else", actorEmail: "someone@else.example" };

/** Changes the event's actor in place, leaving its hash and every link as they were. */
async function editActorInPlace(db: Db, seq: number): Promise<void> {
  await db.$executeRawUnsafe(`UPDATE "audit_events" SET actor_email = $1 WHERE seq = $2`, forgedActor.actorEmail, seq);
}

describe("keyed audit chain", () => {
  it("rewriting one event's actor and re-hashing the rest without the key fails verification", async () => {
    await withDatabase(async (t) => {
      await appendSignIns(t.db, 8);
      expect(await verifyChain(t.db)).toMatchObject({ ok: true, count: 8, lastSeq: 8 });
      const victim = await t.db.auditEvent.findUniqueOrThrow({ where: { seq: 3n } });

      // As before the key: plain SHA-256 over the same canonical form.
      await rewriteAndRehash(t.db, 3, forgedActor, null);
      expect((await verifyChain(t.db)).firstBroken).toEqual({ seq: 3, id: victim.id, reason: "unkeyed after keyed" });

      // With a guessed key instead: every re-hashed event fails its HMAC.
      await rewriteAndRehash(t.db, 3, forgedActor, "a-guessed-key-that-is-not-AUDIT_KEY");
      expect((await verifyChain(t.db)).firstBroken).toEqual({ seq: 3, id: victim.id, reason: "hash mismatch" });

      // Re-hashing the whole chain without a key leaves an unkeyed head.
      await rewriteAndRehash(t.db, 1, {}, null);
      expect((await verifyChain(t.db)).firstBroken).toMatchObject({ seq: 8, reason: "unkeyed head" });
    });
  });

  it("an older unkeyed chain is covered from the first keyed event on; its events stay as they are", async () => {
    await withDatabase(async (t) => {
      await appendSignIns(t.db, 6);
      // Stand-in for a database written before AUDIT_KEY existed: the same events with bare SHA-256 hashes.
      await rewriteAndRehash(t.db, 1, {}, null);
      expect((await verifyChain(t.db)).firstBroken).toMatchObject({ seq: 6, reason: "unkeyed head" });

      await appendSignIns(t.db, 2, 6);
      const r = await verifyChain(t.db);
      expect(r).toMatchObject({ ok: true, count: 8, lastSeq: 8, unkeyed: 6 });
      const seventh = await t.db.auditEvent.findUniqueOrThrow({ where: { seq: 7n } });
      expect(seventh.hash).toMatch(/^hmac-sha256:/);
      expect(seventh.prevHash).toMatch(/^[0-9a-f]{64}$/);

      // The keyed seventh event covers the unkeyed ones: rewriting an old event and re-hashing up to the key
      // breaks the seventh's link, and re-hashing past it leaves unkeyed events after keyed ones or an unkeyed head.
      await rewriteAndRehash(t.db, 2, forgedActor, null, 6);
      expect((await verifyChain(t.db)).firstBroken).toMatchObject({ seq: 7, reason: "prevHash mismatch" });
      await rewriteAndRehash(t.db, 2, forgedActor, null);
      expect((await verifyChain(t.db)).firstBroken).toMatchObject({ seq: 8, reason: "unkeyed head" });
    });
  });

  it("an unkeyed event edited in place, its links intact, fails its own SHA-256 though keyed events follow it", async () => {
    await withDatabase(async (t) => {
      await appendSignIns(t.db, 4);
      await rewriteAndRehash(t.db, 1, {}, null);
      await appendSignIns(t.db, 2, 4);
      expect(await verifyChain(t.db)).toMatchObject({ ok: true, count: 6, lastSeq: 6, unkeyed: 4 });
      const victim = await t.db.auditEvent.findUniqueOrThrow({ where: { seq: 2n } });
      // The actor changed, its hash and every link left as they were: only the event's own hash can tell.
      await editActorInPlace(t.db, 2);
      expect(await verifyChain(t.db)).toEqual({
        ok: false,
        count: 1,
        lastSeq: 1,
        firstBroken: { seq: 2, id: victim.id, reason: "hash mismatch" },
      });
    });
  });

  it("after a break the users page's check walks the whole chain again, not from where the break was seen", async () => {
    await withDatabase(async (t) => {
      await appendSignIns(t.db, 5);
      const victim = await t.db.auditEvent.findUniqueOrThrow({ where: { seq: 3n } });
      await editActorInPlace(t.db, 3);
      const broken = {
        ok: false,
        count: 2,
        lastSeq: 2,
        firstBroken: { seq: 3, id: victim.id, reason: "hash mismatch" },
      };
      expect(await verifySinceLastCheck(t.db)).toEqual(broken);
      // The same answer again: nothing about the broken walk is kept as a point to start from.
      expect(await verifySinceLastCheck(t.db)).toEqual(broken);
    });
  });

  // Three CLI runs, each a fresh tsx process: slow on a busy machine.
  it(
    "audit:checkpoint writes the head; audit:verify --checkpoint fails once the chain no longer holds it",
    { timeout: 180_000 },
    async () => {
      await withDatabase(async (t) => {
        await appendSignIns(t.db, 5);
        const file = join(dir, `cp-${Date.now()}.json`);
        const written = await cli("audit-checkpoint", t.url, [file]);
        expect(written.code, written.out).toBe(0);
        const cp = JSON.parse(readFileSync(file, "utf8")) as { seq: number; hash: string };
        const head = await t.db.auditHead.findUniqueOrThrow({ where: { id: 1 } });
        expect(cp).toMatchObject({ seq: 5, hash: head.hash });

        await appendSignIns(t.db, 2, 5);
        const held = await cli("audit-verify", t.url, ["--checkpoint", file]);
        expect(held.code, held.out).toBe(0);
        expect(held.out).toContain("checkpoint #5 held");

        // Someone holding AUDIT_KEY itself rewrites event 2 and re-hashes the rest: the chain verifies, the
        // checkpoint kept outside the database does not.
        await rewriteAndRehash(t.db, 2, forgedActor, env.auditKey);
        expect((await verifyChain(t.db)).ok).toBe(true);
        const broken = await cli("audit-verify", t.url, ["--checkpoint", file]);
        expect(broken.code).toBe(1);
        expect(broken.out).toContain("checkpoint #5 NOT held");
      });
    },
  );

  it("the users page's check verifies from the last intact point, and notices that point changed", async () => {
    await withDatabase(async (t) => {
      await appendSignIns(t.db, 4);
      expect(await verifySinceLastCheck(t.db)).toMatchObject({ ok: true, count: 4, lastSeq: 4 });
      await appendSignIns(t.db, 3, 4);
      expect(await verifySinceLastCheck(t.db)).toMatchObject({ ok: true, count: 3, lastSeq: 7 });
      expect(await verifySinceLastCheck(t.db)).toMatchObject({ ok: true, count: 0, lastSeq: 7 });

      await rewriteAndRehash(t.db, 7, forgedActor, null);
      expect((await verifySinceLastCheck(t.db)).firstBroken).toMatchObject({ seq: 7, reason: "checkpoint mismatch" });
      // The next check walks the whole chain again and names the event.
      expect((await verifySinceLastCheck(t.db)).firstBroken).toMatchObject({ seq: 7, reason: "unkeyed after keyed" });
    });
  });
});
