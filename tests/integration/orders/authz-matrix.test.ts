import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/audit/route";
import * as health from "@/app/api/health/route";
import * as requestsOne from "@/app/api/order-requests/[id]/route";
import * as requests from "@/app/api/order-requests/route";
import * as one from "@/app/api/orders/[orderNumber]/route";
import * as release from "@/app/api/orders/[orderNumber]/release/route";
import * as exportRoute from "@/app/api/orders/export/route";
import * as orders from "@/app/api/orders/route";
import * as addressOne from "@/app/api/ship-to-addresses/[id]/route";
import * as addresses from "@/app/api/ship-to-addresses/route";
import * as suggest from "@/app/api/orders/suggest/route";
import * as views from "@/app/api/views/route";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { INGRAM_CALLS } from "@/lib/ingram/ingram-operations";
import { indexAccount } from "@/lib/order-index/index-detail";
import { type CallOptions, EVERYONE, type Who, call, newKey, orderInput, useOrdersHarness } from "./harness";

const h = useOrdersHarness({ webhookDelayMs: 60_000 });
let requestId = "";
/** One saved address per role that may delete one (made in beforeAll). */
const savedAddress: Partial<Record<Who, string>> = {};

type Handler = Parameters<typeof call>[1];
interface Cell {
  name: string;
  handler: Handler;
  path: string;
  opts: (who: Who) => CallOptions;
  /** Expected status for viewer, buyer, admin (anonymous and disabled users always get 401). */
  expect: { viewer: number; buyer: number; admin: number };
  /** The permission the route itself checks (its refusals are audited as access.deny). */
  permission?: string;
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
    permission: "orders.create",
    handler: orders.POST,
    path: "/api/orders",
    opts: () => ({ method: "POST", body: orderInput(), headers: { "idempotency-key": newKey() } }),
    expect: write(201),
  },
  {
    name: "PUT /api/orders/[n]",
    permission: "orders.modify",
    handler: one.PUT,
    path: "/api/orders/x",
    opts: () => ({ method: "PUT", params: { orderNumber: H1 }, body: { notes: "matrix" } }),
    expect: write(200),
  },
  {
    name: "DELETE /api/orders/[n]",
    permission: "orders.cancel",
    handler: one.DELETE,
    path: "/api/orders/x",
    opts: (w) => ({ method: "DELETE", params: { orderNumber: held(w, [H2, H3]) } }),
    expect: write(200),
  },
  {
    name: "POST /api/orders/[n]/release",
    permission: "orders.release",
    handler: release.POST,
    path: "/api/orders/x/release",
    opts: (w) => ({ method: "POST", params: { orderNumber: held(w, [H4, H5]) } }),
    expect: write(200),
  },
  {
    name: "POST /api/order-requests",
    permission: "orders.create",
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
  {
    name: "GET /api/ship-to-addresses",
    permission: "orders.create",
    handler: addresses.GET,
    path: "/api/ship-to-addresses",
    opts: () => ({}),
    expect: write(200),
  },
  {
    name: "POST /api/ship-to-addresses",
    permission: "orders.create",
    handler: addresses.POST,
    path: "/api/ship-to-addresses",
    opts: (who) => ({ method: "POST", body: { label: `Matrix ${who}`, shipTo: { city: "Dallas" } } }),
    expect: write(201),
  },
  {
    name: "DELETE /api/ship-to-addresses/[id]",
    permission: "orders.create",
    handler: addressOne.DELETE,
    path: "/api/ship-to-addresses/x",
    opts: (who) => ({ method: "DELETE", params: { id: savedAddress[who] ?? "00000000-0000-4000-8000-000000000000" } }),
    expect: write(204),
  },
  {
    name: "GET /api/orders/suggest",
    handler: suggest.GET,
    path: "/api/orders/suggest",
    opts: () => ({ query: "q=20" }),
    expect: read,
  },
  { name: "GET /api/views", handler: views.GET, path: "/api/views", opts: () => ({}), expect: read },
  {
    name: "POST /api/views",
    handler: views.POST,
    path: "/api/views",
    opts: () => ({ method: "POST", body: { name: `Matrix ${newKey()}`, query: "vendorName=CISCO" } }),
    expect: { viewer: 201, buyer: 201, admin: 201 },
  },
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
  for (const who of ["buyer", "admin"] as const) {
    const row = await h.t.db.shipToAddress.create({
      data: { ...indexAccount(), label: `Delete ${who}`, labelKey: `delete ${who}`, address: { city: "X" } },
    });
    savedAddress[who] = row.id;
  }
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
        // The proxy does not run for JSON routes: the handler's own fixed policy is the answer's.
        expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
        if (expected >= 400) {
          expect(upstreamCalls()).toBe(before);
          const body = await res.json();
          expect(body.error.code).toBe(expected === 401 ? "unauthenticated" : "forbidden");
          expect(JSON.stringify(body)).not.toMatch(/ingramOrderNumber|orderNumber"/);
        }
        if (expected === 403) {
          // The route refused it, not only the use case behind it: only the route wrapper audits a refusal,
          // once per user, address and permission in a window.
          const denials = await h.t.db.auditEvent.findMany({
            where: { action: "access.deny", actorId: h.users[who]!.id },
          });
          const forThis = denials.filter((r) => (r.request as { permission?: string }).permission === cell.permission);
          expect(forThis).toHaveLength(1);
        }
      });
    }
  }

  // Headers Next.js uses internally (x-middleware-subrequest skipped middleware in CVE-2025-29927): the checks live
  // in the handlers and use cases, so a client that sends them gains nothing.
  const SPOOFED = {
    "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
    "x-nextjs-data": "1",
    "x-invoke-path": "/api/health",
    "x-middleware-prefetch": "1",
    "x-nextjs-rewrite": "/api/health",
  };
  it.each(["anonymous", "viewer"] as const)("spoofed internal Next.js headers change nothing (%s)", async (who) => {
    const cells = who === "anonymous" ? CELLS : CELLS.filter((c) => c.expect.viewer === 403);
    expect(cells).toHaveLength(who === "anonymous" ? 17 : 8);
    for (const cell of cells) {
      const before = upstreamCalls();
      const opts = cell.opts(who);
      const res = await call(h, cell.handler, cell.path, {
        ...opts,
        as: who,
        headers: { ...opts.headers, ...SPOOFED },
      });
      expect(res.status, cell.name).toBe(who === "anonymous" ? 401 : 403);
      expect(upstreamCalls()).toBe(before);
    }
  });

  it.each(EVERYONE)("GET /api/health is public (%s) and names no secret", async (who) => {
    const res = await call(h, health.GET, "/api/health", { as: who });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ database: "up", upstream: { mode: expect.stringMatching(/^(sandbox|ingram)$/) } });
    expect(JSON.stringify(body)).not.toMatch(/secret|password|token|postgres(ql)?:\/\//i);
  });
});
