// The heartbeat an instance keeps while its changes are in flight (lib/audit/heartbeat.ts) is taken by each
// intent and given back by the change's own outcome, once: a lease kept after its change ended hides a dead
// instance's open intents from other reconcilers for ever after, and one given back twice (or by someone else's
// outcome) lets a reconciler close a change that is still running at Ingram. The heartbeat's interval is faked;
// the beats it writes go to the real database.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { HEARTBEAT_MS, holdLease, releaseLease } from "@/lib/audit/heartbeat";
import { recordIntent, recordOutcome } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { useTestDatabase } from "@/tests/support/db";
import { buyer, correlationId, refuseMarkedEvents, REFUSED, refusingDb, tempSpoolDir } from "./support";

const t = useTestDatabase();
let down: Db;
beforeAll(async () => {
  await refuseMarkedEvents(t.db);
  down = await refusingDb();
});
afterAll(() => down?.$disconnect());
afterEach(() => {
  vi.useRealTimers();
});

function intentInput(i: number, fields: { correlationId?: string } = {}) {
  return {
    actor: buyer,
    action: "order.cancel" as const,
    orderNumber: "20-LEASE",
    correlationId: correlationId(i),
    ...fields,
  };
}

/**
 * Whether each owner's heartbeat row is written again when the next beat is due. The beats are written
 * asynchronously: this waits until `beating` of them have landed (or 20 s), then a little for any other.
 */
async function stillBeating(owners: Record<string, string>, beating: number): Promise<Record<string, boolean>> {
  const ids = Object.values(owners);
  await t.db
    .$executeRaw`UPDATE "audit_instances" SET heartbeat_at = now() - interval '1 hour' WHERE id = ANY(${ids}::uuid[])`;
  vi.advanceTimersByTime(HEARTBEAT_MS);
  const fresh = async () => {
    const rows = await t.db.$queryRaw<{ id: string; fresh: boolean }[]>`
      SELECT id::text AS id, heartbeat_at > now() - interval '1 minute' AS fresh FROM "audit_instances"
      WHERE id = ANY(${ids}::uuid[])`;
    return new Map(rows.map((r) => [r.id, r.fresh]));
  };
  for (let i = 0; i < 400 && [...(await fresh()).values()].filter(Boolean).length < beating; i++) await sleep(50);
  await sleep(500);
  const now = await fresh();
  return Object.fromEntries(Object.entries(owners).map(([name, id]) => [name, now.get(id) ?? false]));
}

describe("the lease an intent holds on its instance's heartbeat", () => {
  it("is given back by the change's own outcome (written or spooled), kept through a reconciler's or a settled one's", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const owners = {
      outcome: randomUUID(),
      spooledOutcome: randomUUID(),
      reconcilersOutcome: randomUUID(),
      afterLeaseReleased: randomUUID(),
      control: randomUUID(),
    };
    const opts = (owner: string) => ({ db: t.db, spoolDir: tempSpoolDir(), instanceId: owner });

    const a = await recordIntent(intentInput(1), opts(owners.outcome));
    await recordOutcome(a, { outcome: "succeeded" }, opts(owners.outcome));

    const b = await recordIntent(intentInput(2), opts(owners.spooledOutcome));
    expect(
      await recordOutcome(b, { outcome: "succeeded" }, { ...opts(owners.spooledOutcome), db: down }),
    ).toMatchObject({
      spooled: true,
    });

    // A reconciler closing this intent (its owner looked gone) must not end the owner's lease.
    const c = await recordIntent(intentInput(3), opts(owners.reconcilersOutcome));
    await recordOutcome(c, { outcome: "unknown" }, { ...opts(owners.reconcilersOutcome), reconciled: {} });

    // Two changes in flight; the first's call ended and gave its lease back (a v7 request waiting for Ingram):
    // its outcome, written later, must not also give back the second's.
    const d1 = await recordIntent(intentInput(4), opts(owners.afterLeaseReleased));
    await recordIntent(intentInput(5), opts(owners.afterLeaseReleased));
    releaseLease(owners.afterLeaseReleased);
    await recordOutcome(d1, { outcome: "succeeded" }, { ...opts(owners.afterLeaseReleased), leaseReleased: true });

    await recordIntent(intentInput(6), opts(owners.control));

    expect(await stillBeating(owners, 3)).toEqual({
      outcome: false,
      spooledOutcome: false,
      reconcilersOutcome: true,
      afterLeaseReleased: true,
      control: true,
    });
    for (const id of [owners.reconcilersOutcome, owners.afterLeaseReleased, owners.control]) releaseLease(id);
  });

  it("is given back when the intent itself is refused, and not taken from another change when the beat failed", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const refused = randomUUID();
    await expect(
      recordIntent(intentInput(7, { correlationId: REFUSED }), {
        db: t.db,
        spoolDir: tempSpoolDir(),
        instanceId: refused,
      }),
    ).rejects.toMatchObject({ code: "db_unavailable" });

    // A change in flight on this instance; then, once a new beat is due, one whose beat cannot be written.
    const busy = randomUUID();
    await holdLease(t.db, busy);
    await sleep(HEARTBEAT_MS / 2 + 200);
    await expect(
      recordIntent(intentInput(8), { db: down, spoolDir: tempSpoolDir(), instanceId: busy }),
    ).rejects.toMatchObject({ code: "db_unavailable" });
    // The first change still holds its lease: taking and giving back another leaves it beating.
    await holdLease(t.db, busy);
    releaseLease(busy);

    expect(await stillBeating({ refused, busy }, 1)).toEqual({ refused: false, busy: true });
    releaseLease(busy);
  });
});
