import { describe, expect, it } from "vitest";
import { recordEvent, recordIntent, recordOutcome } from "@/lib/audit/record";
import { useTestDatabase } from "@/tests/support/db";
import { buyer, correlationId, tempSpoolDir } from "./support";

// What each kind of event stores, field by field: the intent before a change, its outcome after, and a one-shot
// event. The audit page, the CSV export and the reconciler read these columns; a field stored wrong or dropped
// is a wrong history.

const t = useTestDatabase();
const spoolDir = tempSpoolDir();
const opts = () => ({ db: t.db, spoolDir, instanceId: "5f0c7a52-6f0e-4d8a-9b59-3c1c1ad0f2a1" });

const stored = (id: string) => t.db.auditEvent.findUniqueOrThrow({ where: { id } });

describe("what the audit log stores", () => {
  it("an intent: who, what, on which order, the redacted request and the order before, owned by its instance", async () => {
    const intent = await recordIntent(
      {
        actor: buyer,
        action: "order.modify",
        orderNumber: "20-RF001",
        correlationId: correlationId(1),
        request: { notes: "rush", password: "hunter2", nested: { token: "t-1", keep: 1 } },
        before: { status: "OPEN", lines: [{ qty: 2 }] },
      },
      opts(),
    );
    const row = await stored(intent.id);
    expect(intent).toEqual({
      id: row.id,
      seq: Number(row.seq),
      at: row.at.toISOString(),
      actor: { id: buyer.id, email: buyer.email },
      action: "order.modify",
      orderNumber: "20-RF001",
      correlationId: correlationId(1),
      instanceId: opts().instanceId,
    });
    expect(row).toMatchObject({
      actorId: buyer.id,
      actorEmail: buyer.email,
      action: "order.modify",
      outcome: "intent",
      orderNumber: "20-RF001",
      correlationId: correlationId(1),
      intentId: null,
      outcomeOf: null,
      corrects: null,
      request: { notes: "rush", nested: { keep: 1 } },
      before: { status: "OPEN", lines: [{ qty: 2 }] },
      after: null,
      ingramStatus: null,
      ingramErrors: null,
      instanceId: opts().instanceId,
    });
  });

  it("an intent of the system (no actor, no order number yet) stores neither", async () => {
    const intent = await recordIntent(
      { actor: null, action: "order.create", orderNumber: null, correlationId: correlationId(2) },
      opts(),
    );
    expect(intent).toMatchObject({ actor: null, orderNumber: null });
    expect(await stored(intent.id)).toMatchObject({
      actorId: null,
      actorEmail: null,
      orderNumber: null,
      request: null,
      before: null,
    });
  });

  it("an outcome: the intent's actor, action and correlation id, Ingram's reply and errors, the order after", async () => {
    const intent = await recordIntent(
      { actor: buyer, action: "order.create", orderNumber: null, correlationId: correlationId(3), request: {} },
      opts(),
    );
    const errors = [{ message: "Line 2 refused: Bearer abc.def", type: "validation" }];
    const r = await recordOutcome(
      intent,
      {
        outcome: "partially_succeeded",
        after: { orderNumber: "20-RF003" },
        ingramStatus: 207,
        ingramErrors: errors,
        orderNumber: "20-RF003",
      },
      opts(),
    );
    const row = await stored(r.id);
    expect(r).toEqual({ id: row.id, seq: Number(row.seq), spooled: false });
    expect(Number(row.seq)).toBe(intent.seq + 1);
    expect(row).toMatchObject({
      actorId: buyer.id,
      actorEmail: buyer.email,
      action: "order.create",
      outcome: "partially_succeeded",
      // Known only afterwards for a create: the outcome carries it.
      orderNumber: "20-RF003",
      correlationId: correlationId(3),
      intentId: intent.id,
      outcomeOf: intent.id,
      corrects: null,
      request: null,
      before: null,
      after: { orderNumber: "20-RF003" },
      ingramStatus: 207,
      ingramErrors: [{ message: "Line 2 refused: Bearer [redacted]", type: "validation" }],
    });
  });

  it("an outcome without an order number of its own keeps the intent's; no errors and no status store null", async () => {
    const intent = await recordIntent(
      { actor: buyer, action: "order.cancel", orderNumber: "20-RF004", correlationId: correlationId(4) },
      opts(),
    );
    const r = await recordOutcome(intent, { outcome: "succeeded", ingramErrors: [] }, opts());
    expect(await stored(r.id)).toMatchObject({
      orderNumber: "20-RF004",
      outcome: "succeeded",
      after: null,
      ingramStatus: null,
      ingramErrors: null,
    });
  });

  it("a reconciled outcome says so in its request, with the read error when the order could not be read", async () => {
    const intent = await recordIntent(
      { actor: buyer, action: "order.release", orderNumber: "20-RF005", correlationId: correlationId(5) },
      opts(),
    );
    const r = await recordOutcome(
      intent,
      { outcome: "unknown", ingramStatus: 503 },
      { ...opts(), reconciled: { readError: "Ingram is down" } },
    );
    expect(await stored(r.id)).toMatchObject({
      outcome: "unknown",
      request: { reconciled: true, readError: "Ingram is down" },
      ingramStatus: 503,
    });
  });

  it("a one-shot event: every field given, secrets out of the request, errors redacted; none given stores null", async () => {
    const r = await recordEvent(
      {
        actor: buyer,
        action: "webhook.order_status",
        outcome: "failed",
        orderNumber: "20-RF006",
        correlationId: correlationId(6),
        request: { eventId: "e-1", secret: "s-1" },
        before: { status: "OPEN" },
        after: { status: "SHIPPED" },
        ingramStatus: 409,
        ingramErrors: [{ message: "token eyJhbGciOi.eyJzdWIi.sig leaked" }],
      },
      opts(),
    );
    const row = await stored(r.id);
    expect(r).toEqual({ id: row.id, seq: Number(row.seq), spooled: false });
    expect(row).toMatchObject({
      actorId: buyer.id,
      actorEmail: buyer.email,
      action: "webhook.order_status",
      outcome: "failed",
      orderNumber: "20-RF006",
      correlationId: correlationId(6),
      intentId: null,
      outcomeOf: null,
      request: { eventId: "e-1" },
      before: { status: "OPEN" },
      after: { status: "SHIPPED" },
      ingramStatus: 409,
      ingramErrors: [{ message: "token [redacted] leaked" }],
    });

    const bare = await recordEvent({ action: "user.sign_in", outcome: "succeeded" }, opts());
    expect(await stored(bare.id)).toMatchObject({
      actorId: null,
      actorEmail: null,
      orderNumber: null,
      correlationId: null,
      request: null,
      before: null,
      after: null,
      ingramStatus: null,
      ingramErrors: null,
    });
  });

  it("a value not given is stored as SQL NULL, not as JSON null (SQL readers and exports see no value)", async () => {
    const intent = await recordIntent(
      { actor: buyer, action: "order.cancel", orderNumber: "20-RF009", correlationId: correlationId(9) },
      opts(),
    );
    const outcome = await recordOutcome(intent, { outcome: "succeeded", after: null }, opts());
    const rows = await t.db.$queryRaw<{ id: string; nulls: boolean }[]>`
      SELECT id::text AS id,
        request IS NULL AND before IS NULL AND after IS NULL AND ingram_errors IS NULL AS nulls
      FROM "audit_events" WHERE id IN (${intent.id}::uuid, ${outcome.id}::uuid)`;
    expect(rows.map((r) => r.nulls)).toEqual([true, true]);
  });
});
