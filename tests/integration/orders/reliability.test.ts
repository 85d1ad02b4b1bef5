import { describe, expect, it } from "vitest";
import * as one from "@/app/api/orders/[orderNumber]/route";
import * as orders from "@/app/api/orders/route";
import { createDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { auditRows, call, newKey, orderInput, useOrdersHarness } from "./harness";

const h = useOrdersHarness({ webhookDelayMs: 60_000 });
const slot = globalThis as unknown as { orderdeskDb?: Db };

async function withDeadDatabase<T>(fn: () => Promise<T>): Promise<T> {
  const live = slot.orderdeskDb;
  const dead = createDb("postgresql://nobody@127.0.0.1:1/none?sslmode=disable", 1);
  slot.orderdeskDb = dead;
  try {
    return await fn();
  } finally {
    slot.orderdeskDb = live;
    await dead.$disconnect().catch(() => undefined);
  }
}

/** Runs `fn` while every audit write fails as a dropped connection would; the session, the budget and reads work. */
async function withAuditWritesFailing<T>(fn: () => Promise<T>): Promise<T> {
  await h.t.db.$executeRawUnsafe(`CREATE FUNCTION test_drop_audit_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'Connection terminated unexpectedly' USING ERRCODE = '08006'; END $$`);
  await h.t.db.$executeRawUnsafe(
    `CREATE TRIGGER test_drop_audit_write BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION test_drop_audit_write()`,
  );
  try {
    return await fn();
  } finally {
    await h.t.db.$executeRawUnsafe(`DROP TRIGGER test_drop_audit_write ON "audit_events"`);
    await h.t.db.$executeRawUnsafe(`DROP FUNCTION test_drop_audit_write()`);
  }
}

describe("intent before action", () => {
  it("database unreachable: cancel answers 503 and Ingram saw 0 DELETE calls", async () => {
    const actor = { id: h.users.buyer!.id, email: h.users.buyer!.email, name: null, role: "buyer" as const };
    const before = h.sb.sandbox.stats.count("cancel");
    const err = await withDeadDatabase(() =>
      cancelOrder(actor, FX.heldOrderNumbers[0], { correlationId: "a".repeat(32) }).catch((e) => e),
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(503);
    expect(h.sb.sandbox.stats.count("cancel")).toBe(before);
    expect(h.sb.sandbox.store.getOrder(FX.heldOrderNumbers[0])?.status).toBe("On Hold");
  });

  it("database unreachable through the route: 503 with a generic body, 0 DELETE calls", async () => {
    const before = h.sb.sandbox.stats.count("cancel");
    const res = await withDeadDatabase(() =>
      call(h, one.DELETE, "/api/orders/x", { method: "DELETE", params: { orderNumber: FX.heldOrderNumbers[0] } }),
    );
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).not.toMatch(/prisma|ECONNREFUSED|127\.0\.0\.1|SELECT|INSERT/i);
    expect(JSON.parse(text).error.correlationId).toMatch(/^[0-9a-f]{32}$/);
    expect(h.sb.sandbox.stats.count("cancel")).toBe(before);
  });

  // With the whole database down, the route stops at the session check; here the session, the Ingram budget
  // and the read-before all work, and only the audit intent's write fails, as a dropped connection would.
  it("the audit intent cannot be written after the read-before: the route answers 503 and never calls DELETE", async () => {
    const n = FX.heldOrderNumbers[1];
    const reads = h.sb.sandbox.stats.count("get");
    const cancels = h.sb.sandbox.stats.count("cancel");
    const rows = await h.t.db.auditEvent.count();
    const res = await withAuditWritesFailing(() =>
      call(h, one.DELETE, "/api/orders/x", { method: "DELETE", params: { orderNumber: n } }),
    );
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("db_unavailable");
    // It got past the session and the read-before to the intent: one details read, no DELETE, no audit row.
    expect(h.sb.sandbox.stats.count("get") - reads).toBe(1);
    expect(h.sb.sandbox.stats.count("cancel")).toBe(cancels);
    expect(await h.t.db.auditEvent.count()).toBe(rows);
    expect(h.sb.sandbox.store.getOrder(n)?.status).toBe("On Hold");
  });

  it("a v6 create whose audit intent cannot be written answers 503, creates nothing, and its key stays usable", async () => {
    const input = orderInput();
    const key = newKey();
    const creates = h.sb.sandbox.stats.count("create");
    const rows = await h.t.db.auditEvent.count();
    const post = () =>
      call(h, orders.POST, "/api/orders", { method: "POST", body: input, headers: { "idempotency-key": key } });
    const res = await withAuditWritesFailing(post);
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("db_unavailable");
    expect(h.sb.sandbox.stats.count("create")).toBe(creates);
    expect(h.sb.sandbox.store.listOrders().filter((o) => o.customerOrderNumber === input.customerOrderNumber)).toEqual(
      [],
    );
    expect(await h.t.db.auditEvent.count()).toBe(rows);
    // Nothing reached Ingram, so the same key may be retried once the audit log is back: exactly one order.
    const retry = await post();
    expect(retry.status).toBe(201);
    expect(h.sb.sandbox.stats.count("create") - creates).toBe(1);
  });
});

describe("unknown outcome", () => {
  it("create commits upstream, then the reply times out: no re-POST, resolved by searching the PO, 0 duplicates", async () => {
    const input = orderInput();
    h.sb.sandbox.faults.set({ op: "create", times: 1, kind: "commitThenHang", ms: 4500 });
    const before = h.sb.sandbox.stats.count("create");
    const searches = h.sb.sandbox.stats.count("search");
    const res = await call(h, orders.POST, "/api/orders", {
      method: "POST",
      body: input,
      headers: { "idempotency-key": newKey() },
    });
    // The client's 3 s deadline fired before the 4.5 s reply: the answer came from a search by the PO (below,
    // resolvedBy "search"), which a reply waited out would never need. No clock: a busy machine is not a failure.
    expect(h.sb.sandbox.stats.count("search") - searches).toBeGreaterThanOrEqual(1);
    expect(res.status).toBe(201);
    const { result } = await res.json();
    expect(result.orders).toHaveLength(1);
    expect(h.sb.sandbox.stats.count("create") - before).toBe(1);
    expect(
      h.sb.sandbox.store.listOrders().filter((o) => o.customerOrderNumber === input.customerOrderNumber),
    ).toHaveLength(1);
    const outcome = (await auditRows(h, { action: "order.create", orderNumber: result.orders[0].orderNumber })).at(-1)!;
    expect(outcome.outcome).toBe("succeeded");
    expect((outcome.after as { resolvedBy?: string }).resolvedBy).toBe("search");
  });

  it("when the search cannot settle it either, the outcome stays unknown (504) and nothing is re-sent", async () => {
    const input = orderInput();
    h.sb.sandbox.faults.set({ op: "create", times: 1, kind: "commitThenHang", ms: 4500 });
    h.sb.sandbox.faults.set({ op: "search", times: 5, kind: "status", status: 500 });
    const before = h.sb.sandbox.stats.count("create");
    const key = newKey();
    const post = () =>
      call(h, orders.POST, "/api/orders", { method: "POST", body: input, headers: { "idempotency-key": key } });
    const res = await post();
    h.sb.sandbox.faults.clear();
    expect(res.status).toBe(504);
    // The order may exist: a retry with the same key replays the 504 and never creates a second one.
    const retry = await post();
    expect(retry.status).toBe(504);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect((await res.json()).error.message).toMatch(/may or may not/);
    expect(h.sb.sandbox.stats.count("create") - before).toBe(1);
    const intent = (await auditRows(h, { action: "order.create", outcome: "intent" })).find(
      (r) =>
        (r.request as { input: { customerOrderNumber: string } }).input.customerOrderNumber ===
        input.customerOrderNumber,
    )!;
    const [outcome] = await auditRows(h, { intentId: intent.id });
    expect(outcome?.outcome).toBe("unknown");
  });

  it("a cancel whose reply never comes is recorded as unknown and answered 504", async () => {
    const n = FX.heldOrderNumbers[2];
    h.sb.sandbox.faults.set({ op: "cancel", times: 1, kind: "commitThenHang", ms: 4500 });
    const res = await call(h, one.DELETE, "/api/orders/x", { method: "DELETE", params: { orderNumber: n } });
    expect(res.status).toBe(504);
    expect((await auditRows(h, { orderNumber: n, action: "order.cancel" })).map((r) => r.outcome)).toEqual([
      "intent",
      "unknown",
    ]);
  });
});
