// The account's address book through its route handlers: who may read and change it, field errors by name,
// a name taken (ignoring case) refused unless replaced, and delete.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as one from "@/app/api/ship-to-addresses/[id]/route";
import * as book from "@/app/api/ship-to-addresses/route";
import type { Role } from "@/lib/authz";
import { useTestDatabase } from "@/tests/support/db";
import { callRoute } from "@/tests/support/request-scope";
import { makeUser, sessionCookie } from "@/tests/support/session";

const ORIGIN = "http://localhost:3000";
const t = useTestDatabase();
const cookies: Partial<Record<Role | "anonymous", string | null>> = { anonymous: null };

beforeAll(async () => {
  for (const role of ["viewer", "buyer", "admin"] as const)
    cookies[role] = await sessionCookie(await makeUser(t.db, role));
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
function call(handler: Handler, as: Role | "anonymous", init: { method?: string; body?: unknown; id?: string } = {}) {
  const headers: Record<string, string> = { origin: ORIGIN };
  if (cookies[as]) headers.cookie = cookies[as]!;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const path = init.id ? `/api/ship-to-addresses/${init.id}` : "/api/ship-to-addresses";
  const req = new Request(`${ORIGIN}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return callRoute(handler, req, init.id ? { id: init.id } : {});
}

const WAREHOUSE = { companyName: "Acme Dallas DC", addressLine1: "1 Main St", city: "Dallas", state: "TX" };

// Each test starts from an empty book and saves what it needs: the file passes in any order.
beforeEach(async () => {
  await t.db.shipToAddress.deleteMany();
});

async function saveDallas(): Promise<{ id: string }> {
  const res = await call(book.POST, "buyer", { method: "POST", body: { label: "Dallas DC", shipTo: WAREHOUSE } });
  expect(res.status).toBe(201);
  return (await res.json()).address;
}

describe("address book", () => {
  it("is refused to anonymous callers (401) and viewers (403), with nothing written", async () => {
    for (const [as, status] of [
      ["anonymous", 401],
      ["viewer", 403],
    ] as const) {
      expect((await call(book.GET, as)).status).toBe(status);
      expect((await call(book.POST, as, { method: "POST", body: { label: "X", shipTo: WAREHOUSE } })).status).toBe(
        status,
      );
    }
    expect(await t.db.shipToAddress.count()).toBe(0);
  });

  it("saves an address a buyer names and shares it with the account's other buyers", async () => {
    const res = await call(book.POST, "buyer", { method: "POST", body: { label: " Dallas DC ", shipTo: WAREHOUSE } });
    expect(res.status).toBe(201);
    const { address } = await res.json();
    expect(address).toMatchObject({ label: "Dallas DC", address: WAREHOUSE });
    const list = await (await call(book.GET, "admin")).json();
    expect(list.addresses).toEqual([
      expect.objectContaining({ id: address.id, label: "Dallas DC", address: WAREHOUSE }),
    ]);
  });

  it("names the field of every bad input", async () => {
    const missing = await call(book.POST, "buyer", { method: "POST", body: { label: "", shipTo: {} } });
    expect(missing.status).toBe(422);
    const fields = (await missing.json()).error.fields;
    expect(fields.label).toBe("Name is required.");
    expect(fields.shipTo).toBe("Fill in at least one ship-to field to save.");
    const bad = await call(book.POST, "buyer", {
      method: "POST",
      body: { label: "x".repeat(61), shipTo: { city: "C".repeat(26), email: "nope" } },
    });
    expect((await bad.json()).error.fields).toEqual({
      label: "Name must be at most 60 characters.",
      "shipTo.city": "Ship-to city must be at most 25 characters.",
      "shipTo.email": "Ship-to email must be an email address.",
    });
  });

  it("refuses a name already taken (ignoring case) unless asked to replace it", async () => {
    await saveDallas();
    const taken = await call(book.POST, "admin", {
      method: "POST",
      body: { label: "dallas dc", shipTo: { city: "X" } },
    });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.fields.label).toMatch(/already in the address book/);
    const replaced = await call(book.POST, "admin", {
      method: "POST",
      body: { label: "Dallas DC", shipTo: { city: "Plano" }, replace: true },
    });
    expect(replaced.status).toBe(200);
    const rows = await t.db.shipToAddress.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.address).toEqual({ city: "Plano" });
  });

  it("deletes for buyers only; an unknown or malformed id is 404", async () => {
    const row = await saveDallas();
    expect((await call(one.DELETE, "viewer", { method: "DELETE", id: row!.id })).status).toBe(403);
    expect((await call(one.DELETE, "buyer", { method: "DELETE", id: "../etc" })).status).toBe(404);
    expect((await call(one.DELETE, "buyer", { method: "DELETE", id: row!.id })).status).toBe(204);
    expect((await call(one.DELETE, "buyer", { method: "DELETE", id: row!.id })).status).toBe(404);
    expect(await t.db.shipToAddress.count()).toBe(0);
  });
});
