import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/audit/route";
import * as health from "@/app/api/health/route";
import * as requestsOne from "@/app/api/order-requests/[id]/route";
import * as requests from "@/app/api/order-requests/route";
import * as one from "@/app/api/orders/[orderNumber]/route";
import * as release from "@/app/api/orders/[orderNumber]/release/route";
import * as exportRoute from "@/app/api/orders/export/route";
import * as orders from "@/app/api/orders/route";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { INGRAM_CALLS } from "@/lib/ingram/ingram-operations";
import { type CallOptions, EVERYONE, type Who, call, newKey, orderInput, useOrdersHarness } from "./harness";

const h = useOrdersHarness({ webhookDelayMs: 60_000 });
let requestId = "";

type Handler = Parameters<typeof call>[1];
interface Cell {
  name: string;
  handler: Handler;
  path: string;
  opts: (who: Who) => CallOptions;
  /** Expected status for viewer, buyer, admin (anonymous and disabled users always get 401). */
  expect: { viewer: number; buyer: number; admin: number };
}

const read = { viewer: 200, buyer: 200, admin: 200 };
const write = (ok: number) => ({ viewer: 403, buyer: ok, admin: ok });
const held = (who: Who, pair: [string, string]) => (who === "admin" ? pair[1] : pair[0]);
const [H1, H2, H3, H4, H5] = FX.heldOrderNumbers;

const CELLS: Cell[] = [
  {
    name: "GET /api/orders",
    handler: orders.GET,
    path: "/api/orders",
    opts: () => ({ query: "pageSize=5" }),
    expect: read,
  },
  {
    name: "GET /api/orders/[n]",
    handler: one.GET,
    path: "/api/orders/x",
    opts: () => ({ params: { orderNumber: FX.shippedOrder.orderNumber } }),
    expect: read,
  },
  {
    name: "GET /api/orders/export",
    handler: exportRoute.GET,
    path: "/api/orders/export",
    opts: () => ({ query: `customerOrderNumber=${FX.shippedOrder.customerOrderNumber}` }),
    expect: read,
  },
  {
    name: "POST /api/orders",
    handler: orders.POST,
    path: "/api/orders",
    opts: () => ({ method: "POST", body: orderInput(), headers: { "idempotency-key": newKey() } }),
    expect: write(201),
  },
  {
    name: "PUT /api/orders/[n]",
    handler: one.PUT,
    path: "/api/orders/x",
    opts: () => ({ method: "PUT", params: { orderNumber: H1 }, body: { notes: "matrix" } }),
    expect: write(200),
  },
  {
    name: "DELETE /api/orders/[n]",
    handler: one.DELETE,
    path: "/api/orders/x",
    opts: (w) => ({ method: "DELETE", params: { orderNumber: held(w, [H2, H3]) } }),
    expect: write(200),
  },
  {
    name: "POST /api/orders/[n]/release",
    handler: release.POST,
    path: "/api/orders/x/release",
    opts: (w) => ({ method: "POST", params: { orderNumber: held(w, [H4, H5]) } }),
    expect: write(200),
  },
  {
    name: "POST /api/order-requests",
    handler: requests.POST,
    path: "/api/order-requests",
    opts: () => ({
      method: "POST",
      body: orderInput({ customerOrderNumber: `M-${newKey().slice(-10)}` }),
      headers: { "idempotency-key": newKey() },
    }),
    expect: write(202),
  },
  {
    name: "GET /api/order-requests",
    handler: requests.GET,
    path: "/api/order-requests",
    opts: () => ({ query: "scope=all" }),
    expect: read,
  },
  {
    name: "GET /api/order-requests/[id]",
    handler: requestsOne.GET,
    path: "/api/order-requests/x",
    opts: () => ({ params: { id: requestId } }),
    expect: read,
  },
  { name: "GET /api/audit", handler: audit.GET, path: "/api/audit", opts: () => ({}), expect: read },
];

const upstreamCalls = () =>
  INGRAM_CALLS.filter((op) => op !== "token").reduce((n, op) => n + h.sb.sandbox.stats.count(op), 0);

beforeAll(async () => {
  const res = await call(h, requests.POST, "/api/order-requests", {
    method: "POST",
    body: orderInput({ customerOrderNumber: "MATRIX-SEED" }),
    headers: { "idempotency-key": newKey() },
  });
  requestId = (await res.json()).request.id;
});

describe("AuthZ matrix: every handler × anonymous, viewer, buyer, admin, disabled", () => {
  for (const cell of CELLS) {
    for (const who of EVERYONE) {
      const expected = who === "anonymous" || who === "disabled" ? 401 : cell.expect[who];
      it(`${cell.name} as ${who} → ${expected}`, async () => {
        const before = upstreamCalls();
        const res = await call(h, cell.handler, cell.path, { ...cell.opts(who), as: who });
        expect(res.status).toBe(expected);
        expect(res.headers.get("cache-control")).toBe("private, no-store");
        if (expected >= 400) {
          expect(upstreamCalls()).toBe(before);
          const body = await res.json();
          expect(body.error.code).toBe(expected === 401 ? "unauthenticated" : "forbidden");
          expect(JSON.stringify(body)).not.toMatch(/ingramOrderNumber|orderNumber"/);
        }
      });
    }
  }

  it.each(EVERYONE)("GET /api/health is public (%s) and names no secret", async (who) => {
    const res = await call(h, health.GET, "/api/health", { as: who });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ database: "up", upstream: { mode: expect.stringMatching(/^(sandbox|ingram)$/) } });
    expect(JSON.stringify(body)).not.toMatch(/secret|password|token|postgres(ql)?:\/\//i);
  });
});
