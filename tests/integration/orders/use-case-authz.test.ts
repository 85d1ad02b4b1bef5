// Authorization at the data boundary: every use case checks its permission itself, whatever its route does
// (DESIGN.md, house style 3). The route matrix (authz-matrix.test.ts) cannot show it, because the route's own
// check answers first; here each use case is called directly, as a future page, job or route would call it.
import { describe, expect, it } from "vitest";
import type { Actor, Role } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { INGRAM_CALLS } from "@/lib/ingram/ingram-operations";
import { listAuditEvents } from "@/lib/audit/query";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { createOrderRequest, getOrderRequest, listOrderRequests } from "@/lib/orders/create-order-request";
import { createOrder } from "@/lib/orders/create-order";
import { exportOrders } from "@/lib/orders/export-orders";
import { readOrder } from "@/lib/orders/get-order";
import { modifyOrder } from "@/lib/orders/modify-order";
import { releaseOrder } from "@/lib/orders/release-order";
import { refreshOrders, searchOrders } from "@/lib/orders/search-orders";
import { addUser, updateUser } from "@/lib/users/commands";
import { modifyOrderSchema } from "@/lib/validation/order-changes";
import { createAsyncOrderSchema, createSyncOrderSchema } from "@/lib/validation/orders";
import { resetUserPassword } from "@/lib/users/passwords";
import { listUsers } from "@/lib/users/queries";
import { newKey, orderInput, useOrdersHarness } from "./harness";

const h = useOrdersHarness({ webhookDelayMs: 60_000 });
const CID = "c".repeat(32);
const [H1] = FX.heldOrderNumbers;
const SOMEONE = "00000000-0000-4000-8000-000000000001";

type Call = (actor: Actor | null) => Promise<unknown>;
interface UseCase {
  name: string;
  call: Call;
  /** The lowest role allowed; every role below it is refused. */
  allowed: Role;
}

// Only refusals are exercised: a refused call must throw before any upstream call or database write.
const USE_CASES: UseCase[] = [
  { name: "searchOrders", allowed: "viewer", call: (a) => searchOrders(a, {}, CID) },
  { name: "refreshOrders", allowed: "viewer", call: (a) => refreshOrders(a, {}, CID) },
  { name: "exportOrders", allowed: "viewer", call: (a) => exportOrders(a, {}, { correlationId: CID }) },
  { name: "readOrder", allowed: "viewer", call: (a) => readOrder(a, FX.shippedOrder.orderNumber, CID) },
  { name: "getOrderRequest", allowed: "viewer", call: (a) => getOrderRequest(a, SOMEONE) },
  { name: "listOrderRequests", allowed: "viewer", call: (a) => listOrderRequests(a, { scope: "all" }) },
  { name: "listAuditEvents", allowed: "viewer", call: (a) => listAuditEvents(a, {}) },
  {
    name: "createOrder",
    allowed: "buyer",
    call: (a) =>
      createOrder(a, createSyncOrderSchema.parse(orderInput()), { correlationId: CID, idempotencyKey: newKey() }),
  },
  {
    name: "createOrderRequest",
    allowed: "buyer",
    call: (a) =>
      createOrderRequest(a, createAsyncOrderSchema.parse(orderInput()), {
        correlationId: CID,
        idempotencyKey: newKey(),
      }),
  },
  {
    name: "modifyOrder",
    allowed: "buyer",
    call: (a) => modifyOrder(a, H1, modifyOrderSchema.parse({ notes: "x" }), { correlationId: CID }),
  },
  { name: "cancelOrder", allowed: "buyer", call: (a) => cancelOrder(a, H1, { correlationId: CID }) },
  { name: "releaseOrder", allowed: "buyer", call: (a) => releaseOrder(a, H1, { correlationId: CID }) },
  { name: "listUsers", allowed: "admin", call: (a) => listUsers(a) },
  {
    name: "addUser",
    allowed: "admin",
    call: (a) =>
      addUser(a, {
        email: `x-${newKey()}@test.local`,
        role: "viewer",
        name: "X",
        password: "Quartz-lantern-ferry-1987",
      }),
  },
  { name: "updateUser", allowed: "admin", call: (a) => updateUser(a, SOMEONE, { role: "admin" }) },
  { name: "resetUserPassword", allowed: "admin", call: (a) => resetUserPassword(a, SOMEONE) },
];

const RANK: Record<Role, number> = { viewer: 0, buyer: 1, admin: 2 };
const actorOf = (role: Role): Actor => {
  const u = h.users[role]!;
  return { id: u.id, email: u.email, name: null, role };
};
const upstreamCalls = () =>
  INGRAM_CALLS.filter((op) => op !== "token").reduce((n, op) => n + h.sb.sandbox.stats.count(op), 0);

const refusals = USE_CASES.flatMap((uc) => [
  { uc, who: "anonymous" as const, code: "unauthenticated" },
  ...(["viewer", "buyer"] as const)
    .filter((role) => RANK[role] < RANK[uc.allowed])
    .map((role) => ({ uc, who: role, code: "forbidden" })),
]);

describe("every use case checks its own permission", () => {
  it("covers every refused cell (anonymous for each use case, and each role below the one allowed)", () => {
    // 16 anonymous; the viewer refused 5 buyer and 4 admin use cases; the buyer refused the 4 admin ones.
    expect(USE_CASES).toHaveLength(16);
    expect(refusals).toHaveLength(16 + 9 + 4);
  });

  it.each(refusals.map((r) => [r.uc.name, r.who, r.code, r] as const))(
    "%s as %s → %s, with no upstream call and no audit row",
    async (_name, who, code, r) => {
      const calls = upstreamCalls();
      const rows = await h.t.db.auditEvent.count();
      const err = await r.uc.call(who === "anonymous" ? null : actorOf(who)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe(code);
      expect(upstreamCalls()).toBe(calls);
      expect(await h.t.db.auditEvent.count()).toBe(rows);
    },
  );
});
