import { beforeAll, describe, expect, it } from "vitest";
import { recordEvent, recordIntent, recordOutcome } from "@/lib/audit/record";
import { AUDIT_CSV_COLUMNS, auditCsv, getAuditEvent, listAuditEvents, orderTimeline } from "@/lib/audit/query";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/support/db";
import { admin, buyer, correlationId, range, tempSpoolDir, viewer } from "./support";

const t = useTestDatabase();
const spoolDir = tempSpoolDir();
let modifyIntentId = "";
let modifyOutcomeId = "";

beforeAll(async () => {
  const opts = { db: t.db, spoolDir };
  for (const i of range(120)) {
    await recordEvent(
      { actor: { id: `u${i % 3}`, email: `user${i % 3}@example.com` }, action: "user.sign_in", outcome: "succeeded" },
      opts,
    );
  }
  const before = {
    orderStatus: "ON HOLD",
    notes: "old",
    lines: [{ ingramOrderLineNumber: "001", quantityOrdered: 1 }],
  };
  const intent = await recordIntent(
    {
      actor: buyer,
      action: "order.modify",
      orderNumber: "20-RD3QV",
      correlationId: correlationId(1),
      request: { notes: '=cmd|" /C calc"!A0' },
      before,
    },
    opts,
  );
  modifyIntentId = intent.id;
  const out = await recordOutcome(
    intent,
    {
      outcome: "partially_succeeded",
      after: { ...before, notes: "new", lines: [{ ingramOrderLineNumber: "001", quantityOrdered: 3 }] },
      ingramStatus: 207,
      ingramErrors: [{ message: "line 002 rejected" }],
    },
    opts,
  );
  modifyOutcomeId = out.id;
  const create = await recordIntent(
    { actor: buyer, action: "order.create", correlationId: correlationId(2), request: { customerOrderNumber: "PO-9" } },
    opts,
  );
  await recordOutcome(create, { outcome: "succeeded", orderNumber: "20-RD3QV", ingramStatus: 201 }, opts);
  await recordEvent({ action: "webhook.order_status", outcome: "succeeded", orderNumber: "20-OTHER" }, opts);
});

describe("audit queries", () => {
  it("require audit.read", async () => {
    await expect(listAuditEvents(null, {}, { db: t.db })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(getAuditEvent(null, "1", { db: t.db })).rejects.toBeInstanceOf(AppError);
    await expect(orderTimeline(null, "20-RD3QV", { db: t.db })).rejects.toMatchObject({ code: "unauthenticated" });
    expect(() => auditCsv(null, {}, { db: t.db })).toThrow(AppError);
  });

  it("lists newest first with total, page and cursor paging", async () => {
    const first = await listAuditEvents(admin, { pageSize: 50 }, { db: t.db });
    expect(first.total).toBe(125);
    expect(first.rows.map((r) => r.seq)).toEqual(range(50).map((i) => 126 - i));
    const byCursor = await listAuditEvents(admin, { pageSize: 50, cursor: first.nextCursor! }, { db: t.db });
    const byPage = await listAuditEvents(admin, { pageSize: 50, page: 2 }, { db: t.db });
    expect(byCursor.rows.map((r) => r.seq)).toEqual(byPage.rows.map((r) => r.seq));
    expect(byCursor.rows[0]?.seq).toBe(75);
    const last = await listAuditEvents(admin, { pageSize: 50, page: 3 }, { db: t.db });
    expect(last.rows).toHaveLength(25);
    expect(last.nextCursor).toBeNull();
  });

  it("filters by order number, actor substring, action, outcome and dates", async () => {
    const db = { db: t.db };
    expect((await listAuditEvents(admin, { orderNumber: "20-rd3qv" }, db)).total).toBe(3);
    expect((await listAuditEvents(admin, { actor: "USER1@" }, db)).total).toBe(40);
    expect((await listAuditEvents(admin, { action: "order.modify" }, db)).total).toBe(2);
    const partial = await listAuditEvents(admin, { outcome: "partially_succeeded" }, db);
    expect(partial.rows.map((r) => r.id)).toEqual([modifyOutcomeId]);
    expect(partial.rows[0]).toMatchObject({
      ingramStatus: 207,
      ingramErrors: [{ message: "line 002 rejected" }],
      actor: { email: buyer.email },
    });
    // Day bounds taken from the events' own timestamps, not the wall clock: the set-up may straddle midnight.
    const days = (await t.db.auditEvent.findMany({ select: { at: true }, orderBy: { seq: "asc" } })).map((e) =>
      e.at.toISOString().slice(0, 10),
    );
    expect((await listAuditEvents(admin, { from: days[0], to: days.at(-1) }, db)).total).toBe(125);
    expect((await listAuditEvents(admin, { to: "2000-01-01" }, db)).total).toBe(0);
    await expect(listAuditEvents(admin, { pageSize: "500" }, db)).rejects.toMatchObject({
      code: "validation_failed",
      fields: { pageSize: expect.any(String) },
    });
  });

  it("gets one event by seq or id with the before/after diff from its intent", async () => {
    const d = await getAuditEvent(viewer, modifyOutcomeId, { db: t.db });
    expect(d.intent?.id).toBe(modifyIntentId);
    expect(d.diff).toEqual({
      fields: [{ path: "notes", before: "old", after: "new" }],
      lines: [{ key: "001", change: "changed", fields: [{ path: "quantityOrdered", before: 1, after: 3 }] }],
    });
    const bySeq = await getAuditEvent(viewer, String(d.intent!.seq), { db: t.db });
    expect(bySeq.event.id).toBe(modifyIntentId);
    expect(bySeq.outcomes.map((o) => o.id)).toEqual([modifyOutcomeId]);
    expect(bySeq.diff).toEqual(d.diff);
    await expect(getAuditEvent(viewer, "999999", { db: t.db })).rejects.toMatchObject({ code: "not_found" });
    await expect(getAuditEvent(viewer, "'; DROP TABLE x", { db: t.db })).rejects.toMatchObject({ code: "not_found" });
  });

  it("builds an order timeline, oldest first, including the create intent", async () => {
    const tl = await orderTimeline(viewer, "20-RD3QV", { db: t.db });
    expect(tl.map((e) => [e.action, e.outcome])).toEqual([
      ["order.modify", "intent"],
      ["order.modify", "partially_succeeded"],
      ["order.create", "intent"],
      ["order.create", "succeeded"],
    ]);
  });

  it("streams CSV in batches with escaping and formula neutralisation", async () => {
    const lines: string[] = [];
    for await (const line of auditCsv(admin, {}, { db: t.db })) lines.push(line);
    expect(lines).toHaveLength(126); // header + 125 events
    expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.join(",") + "\r\n");
    expect(lines.every((l) => l.endsWith("\r\n"))).toBe(true);
    expect(lines[1]?.startsWith("125,")).toBe(true);
    const modify = lines.find((l) => l.includes("calc"))!;
    expect(modify).toContain('"{""notes"":""=cmd|\\"" /C calc\\""!A0""}"');
    const filtered: string[] = [];
    for await (const line of auditCsv(admin, { action: "user.sign_in", actor: "user2" }, { db: t.db }))
      filtered.push(line);
    expect(filtered).toHaveLength(41);
  });

  it("shows sign-ins and user management to admins only", async () => {
    const db = { db: t.db };
    const signIn = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.sign_in" } });
    for (const who of [viewer, buyer]) {
      const all = await listAuditEvents(who, { pageSize: 100 }, db);
      expect(all.total).toBe(5);
      expect(all.rows.every((r) => !r.action.startsWith("user."))).toBe(true);
      expect((await listAuditEvents(who, { action: "user.sign_in" }, db)).total).toBe(0);
      await expect(getAuditEvent(who, String(signIn.seq), db)).rejects.toMatchObject({ code: "not_found" });
      await expect(getAuditEvent(who, signIn.id, db)).rejects.toMatchObject({ code: "not_found" });
      const lines: string[] = [];
      for await (const line of auditCsv(who, {}, db)) lines.push(line);
      expect(lines).toHaveLength(6);
      expect(lines.join("")).not.toContain("user.sign_in");
    }
    expect((await listAuditEvents(admin, { action: "user.sign_in" }, db)).total).toBe(120);
    expect((await getAuditEvent(admin, signIn.id, db)).event.id).toBe(signIn.id);
  });
});
