// Shared set-up for the order route tests: a fresh database, the in-process sandbox, one user per role, and a
// way to call a route handler exactly as Next would (a NextRequest, a params promise, Next's request scope).
import { beforeAll } from "vitest";
import * as orders from "@/app/api/orders/route";
import type { Role } from "@/lib/authz";
import { type TestDatabase, useTestDatabase } from "@/tests/support/db";
import { type SandboxHandle, type UseSandboxOptions, useSandbox } from "@/tests/support/sandbox";
import { callRoute } from "@/tests/support/request-scope";
import { makeUser, sessionCookie } from "@/tests/support/session";

export const ORIGIN = "http://localhost:3000";
export type Who = "anonymous" | Role | "disabled";
export const EVERYONE: Who[] = ["anonymous", "viewer", "buyer", "admin", "disabled"];

export interface Harness {
  t: TestDatabase;
  sb: SandboxHandle;
  cookies: Record<Who, string | null>;
  users: Partial<Record<Who, { id: string; email: string }>>;
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  as?: Who;
  method?: string;
  body?: unknown;
  /** Raw body text (sent as is). */
  raw?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  query?: string;
}

/** sandboxOpts may be a function, read when the sandbox starts (e.g. a webhook receiver's URL). */
export function useOrdersHarness(sandboxOpts: UseSandboxOptions | (() => UseSandboxOptions) = {}): Harness {
  const h: Harness = {
    t: useTestDatabase(),
    sb: useSandbox(sandboxOpts),
    cookies: {} as Harness["cookies"],
    users: {},
  };
  beforeAll(async () => {
    h.cookies.anonymous = null;
    for (const who of ["viewer", "buyer", "admin", "disabled"] as const) {
      const user = await makeUser(h.t.db, who === "disabled" ? "buyer" : who);
      h.users[who] = user;
      h.cookies[who] = await sessionCookie(user);
      if (who === "disabled") await h.t.db.user.update({ where: { id: user.id }, data: { disabled: true } });
    }
  });
  return h;
}

export async function call(h: Harness, handler: Handler, path: string, o: CallOptions = {}): Promise<Response> {
  const method = o.method ?? "GET";
  const headers: Record<string, string> = { origin: ORIGIN };
  const cookie = h.cookies[o.as ?? "buyer"];
  if (cookie) headers.cookie = cookie;
  if (o.body !== undefined || o.raw !== undefined) headers["content-type"] = "application/json";
  Object.assign(headers, o.headers);
  for (const [k, v] of Object.entries(o.headers ?? {})) if (v === "") delete headers[k];
  const body = o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
  const req = new Request(`${ORIGIN}${path}${o.query ? `?${o.query}` : ""}`, { method, headers, body });
  return callRoute(handler, req, o.params ?? {});
}

/** POST /api/orders (a v6 create) as the buyer, with a fresh Idempotency-Key unless one is given. */
export function postOrder(h: Harness, body: unknown, key = newKey()): Promise<Response> {
  return call(h, orders.POST, "/api/orders", { method: "POST", body, headers: { "idempotency-key": key } });
}

let keyCounter = 0;
export function newKey(): string {
  return `test-key-${Date.now().toString(36)}-${++keyCounter}`;
}

export function orderInput(over: Record<string, unknown> = {}) {
  return {
    customerOrderNumber: `PO-${Date.now().toString(36)}-${++keyCounter}`,
    customerHold: true,
    lines: [{ ingramPartNumber: "TSXML1", quantity: 2 }],
    ...over,
  };
}

export async function auditRows(h: Harness, where: Record<string, unknown> = {}) {
  return h.t.db.auditEvent.findMany({ where, orderBy: { seq: "asc" } });
}
