// Security review finding: login_throttle, webhook_events and idempotency_records grew forever.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pruneExpiredRows, pruneIfDue } from "@/lib/database/retention";
import { useTestDatabase } from "@/tests/support/db";

const t = useTestDatabase();

const ago = (ms: number) => new Date(Date.now() - ms);
const HOUR = 3600_000;
const DAY = 24 * HOUR;

async function seed(tag: string) {
  await t.db.loginThrottle.createMany({
    data: [
      { key: `acct:old-${tag}`, failures: 5, windowStart: ago(2 * DAY), lockedUntil: null },
      { key: `acct:locked-${tag}`, failures: 5, windowStart: ago(2 * DAY), lockedUntil: new Date(Date.now() + HOUR) },
      { key: `acct:fresh-${tag}`, failures: 1, windowStart: ago(60_000), lockedUntil: null },
    ],
  });
  const record = (key: string, createdAt: Date) => ({
    id: randomUUID(),
    userId: "u1",
    key,
    operation: "order.create",
    requestHash: "h",
    state: "completed",
    createdAt,
  });
  await t.db.idempotencyRecord.createMany({
    data: [record(`old-${tag}`, ago(8 * DAY)), record(`fresh-${tag}`, ago(6 * DAY))],
  });
  await t.db.webhookEvent.createMany({
    data: [
      { eventId: `OLD-${tag}`, receivedAt: ago(31 * DAY) },
      { eventId: `FRESH-${tag}`, receivedAt: ago(29 * DAY) },
    ],
  });
}

const left = async () => ({
  throttle: (await t.db.loginThrottle.findMany({ orderBy: { key: "asc" } })).map((r) => r.key),
  idempotency: (await t.db.idempotencyRecord.findMany({ orderBy: { key: "asc" } })).map((r) => r.key),
  webhooks: (await t.db.webhookEvent.findMany({ orderBy: { eventId: "asc" } })).map((r) => r.eventId),
});

describe("retention of short-lived rows", () => {
  it("deletes rows past their retention and keeps the rest, running locks included", async () => {
    await t.db.loginThrottle.deleteMany();
    await t.db.idempotencyRecord.deleteMany();
    await t.db.webhookEvent.deleteMany();
    await seed("a");
    expect(await pruneExpiredRows(t.db)).toEqual({ loginThrottle: 1, idempotencyRecords: 1, webhookEvents: 1 });
    expect(await left()).toEqual({
      throttle: ["acct:fresh-a", "acct:locked-a"],
      idempotency: ["fresh-a"],
      webhooks: ["FRESH-a"],
    });
    expect(await pruneExpiredRows(t.db)).toEqual({ loginThrottle: 0, idempotencyRecords: 0, webhookEvents: 0 });
  });

  it("prunes in the background at most once an hour", async () => {
    const start = Date.now();
    await pruneIfDue(t.db, start);
    await seed("b");
    // Within the hour nothing runs, so the old rows seeded since stay.
    expect(pruneIfDue(t.db, start + 30 * 60_000)).toBeNull();
    expect(await t.db.webhookEvent.count({ where: { eventId: "OLD-b" } })).toBe(1);
    await pruneIfDue(t.db, start + 61 * 60_000);
    expect(await t.db.webhookEvent.count({ where: { eventId: "OLD-b" } })).toBe(0);
    expect(await t.db.idempotencyRecord.count({ where: { key: "old-b" } })).toBe(0);
  });
});
