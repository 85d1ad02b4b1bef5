// An instance dies in the middle of each kind of change (after the intent, with or without Ingram's
// change applied, before the outcome); another instance starts and reconciles: one outcome each, matching
// what Ingram shows. Against the sandbox; PGlite, and PostgreSQL with TEST_DB=postgres.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordIntent } from "@/lib/audit/record";
import { recoverAudit } from "@/lib/audit/recover";
import type { AuditAction } from "@/lib/audit/types";
import { verifyChain, verifyOutcomes } from "@/lib/audit/verify";
import { createDb, type Db } from "@/lib/db";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { useSandbox } from "@/tests/support/sandbox";
import { useTestDatabase } from "@/tests/support/db";
import { buyer, correlationId, killInstance, tempSpoolDir } from "./support";

const t = useTestDatabase();
const sb = useSandbox();
let crashed: Db;
let restarted: Db;
beforeAll(async () => {
  crashed = createDb(t.url, 2);
  restarted = createDb(t.url, 2);
});
afterAll(async () => {
  await crashed?.$disconnect();
  await restarted?.$disconnect();
});

interface Case {
  action: AuditAction;
  orderNumber: string | null;
  request: unknown;
  /** The Ingram call the dying instance made (omitted: it died before the call left). */
  call?: (cid: { correlationId: string }) => Promise<unknown>;
  expected: "succeeded" | "unknown";
}

const po = `PO-CRASH-${Date.now().toString(36)}`;
const modifyBody = {
  notes: "crash test notes",
  lines: [{ addUpdateDeleteLine: "UPDATE", ingramLineNumber: FX.heldOrderLineNumbers[0], quantity: 5 }],
};
const createBody = {
  customerOrderNumber: po,
  lines: [{ customerLineNumber: "1", ingramPartNumber: FX.inStockPartNumber, quantity: 1 }],
};

const cases: Record<string, Case> = {
  create: {
    action: "order.create",
    orderNumber: null,
    request: { input: { customerOrderNumber: po }, ingramRequest: createBody },
    call: (ctx) => sb.client.createOrder(createBody as never, ctx),
    expected: "succeeded",
  },
  modify: {
    action: "order.modify",
    orderNumber: FX.heldOrderNumbers[0],
    request: { input: {}, ingramRequest: modifyBody },
    call: (ctx) => sb.client.modifyOrder(FX.heldOrderNumbers[0], modifyBody as never, ctx),
    expected: "succeeded",
  },
  release: {
    action: "order.release",
    orderNumber: FX.heldOrderNumbers[1],
    request: { actionCode: "release" },
    call: (ctx) => sb.client.releaseOrder(FX.heldOrderNumbers[1], ctx),
    expected: "succeeded",
  },
  cancel: {
    action: "order.cancel",
    orderNumber: FX.heldOrderNumbers[2],
    request: { cancel: true },
    call: (ctx) => sb.client.cancelOrder(FX.heldOrderNumbers[2], ctx),
    expected: "succeeded",
  },
  "modify never sent": {
    action: "order.modify",
    orderNumber: FX.heldOrderNumbers[3],
    request: { input: {}, ingramRequest: { notes: "never sent" } },
    expected: "unknown",
  },
  "cancel never sent": {
    action: "order.cancel",
    orderNumber: FX.heldOrderNumbers[4],
    request: { cancel: true },
    expected: "unknown",
  },
};

describe(`crash mid-change, then restart (${process.env.TEST_DB === "postgres" ? "PostgreSQL" : "PGlite"})`, () => {
  it("each kind of change ends with one reconciled outcome that matches Ingram", async () => {
    const spoolDir = tempSpoolDir();
    const instance = randomUUID();
    const intents = new Map<string, string>();
    let i = 200;
    for (const [name, c] of Object.entries(cases)) {
      const cid = correlationId(i++);
      const before = c.orderNumber ? (await sb.client.getOrder(c.orderNumber, {}, { correlationId: cid })).data : null;
      const intent = await recordIntent(
        { actor: buyer, action: c.action, orderNumber: c.orderNumber, correlationId: cid, request: c.request, before },
        { db: crashed, spoolDir, instanceId: instance },
      );
      intents.set(name, intent.id);
      await c.call?.({ correlationId: cid });
    }
    // The instance dies: no outcome is written and its heartbeat stops.
    await killInstance(t.db, instance);
    expect((await verifyOutcomes(t.db)).open).toHaveLength(Object.keys(cases).length);

    // Restart (another instance id): its pass closes what the dead one left (deadline rule off: 0 ms).
    await recoverAudit(restarted, { olderThanMs: 0 });
    await recoverAudit(restarted, { olderThanMs: 0 });

    for (const [name, c] of Object.entries(cases)) {
      const events = await t.db.auditEvent.findMany({ where: { intentId: intents.get(name)! } });
      expect(events, name).toHaveLength(1);
      expect(events[0], name).toMatchObject({
        outcome: c.expected,
        outcomeOf: intents.get(name),
        request: { reconciled: true },
      });
    }
    const store = sb.sandbox.store;
    expect(store.listOrders().filter((o) => o.customerOrderNumber === po)).toHaveLength(1);
    expect(store.getOrder(FX.heldOrderNumbers[0])?.notes).toBe("crash test notes");
    expect(store.getOrder(FX.heldOrderNumbers[1])?.released).toBe(true);
    expect(store.getOrder(FX.heldOrderNumbers[2])?.status).toBe("Canceled");
    expect(store.getOrder(FX.heldOrderNumbers[3])?.notes).not.toBe("never sent");
    expect(store.getOrder(FX.heldOrderNumbers[4])?.status).toBe("On Hold");

    const report = await verifyOutcomes(t.db);
    expect(report).toEqual({ open: [], duplicates: [] });
    expect((await verifyChain(t.db)).ok).toBe(true);
  });
});
