// RELIABILITY.md, Security, Caching: two users alternate on the same URLs; neither ever gets the other's body,
// and every authenticated answer is `Cache-Control: private, no-store` (so no shared cache may keep it).
import { describe, expect, it } from "vitest";
import * as audit from "@/app/api/audit/route";
import * as requests from "@/app/api/order-requests/route";
import { recordEvent } from "@/lib/audit/record";
import { call, newKey, orderInput, useOrdersHarness } from "./harness";

const h = useOrdersHarness({ webhookDelayMs: 60_000 });

describe("per-user answers on shared URLs", () => {
  it("a buyer and an admin alternating on /api/order-requests?scope=mine each see only their own requests", async () => {
    const po = { buyer: `MINE-B-${newKey().slice(-6)}`, admin: `MINE-A-${newKey().slice(-6)}` };
    for (const who of ["buyer", "admin"] as const) {
      const res = await call(h, requests.POST, "/api/order-requests", {
        method: "POST",
        as: who,
        body: orderInput({ customerOrderNumber: po[who] }),
        headers: { "idempotency-key": newKey() },
      });
      expect(res.status).toBe(202);
    }
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      const who = i % 2 === 0 ? "buyer" : "admin";
      const other = who === "buyer" ? "admin" : "buyer";
      const res = await call(h, requests.GET, "/api/order-requests", { as: who, query: "scope=mine" });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      const text = await res.text();
      const { requests: mine } = JSON.parse(text) as { requests: { customerOrderNumber: string }[] };
      expect(mine.map((r) => r.customerOrderNumber)).toEqual([po[who]]);
      expect(text).not.toContain(po[other]);
      expect(text).not.toContain(h.users[other]!.email);
      seen.push(who);
    }
    expect(seen).toEqual(["buyer", "admin", "buyer", "admin", "buyer", "admin", "buyer", "admin", "buyer", "admin"]);
  });

  it("a viewer and an admin alternating on /api/audit: user management stays the admin's", async () => {
    const actions = async (who: "viewer" | "admin") => {
      const res = await call(h, audit.GET, "/api/audit", { as: who, query: "pageSize=100" });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      return ((await res.json()) as { rows: { action: string }[] }).rows.map((e) => e.action);
    };
    // A user-management event the admin may see and the viewer may not.
    await recordEvent({
      actor: { id: h.users.admin!.id, email: h.users.admin!.email },
      action: "user.change_role",
      outcome: "succeeded",
      request: { user: { id: h.users.viewer!.id, email: h.users.viewer!.email }, role: "viewer" },
    });
    for (let i = 0; i < 3; i++) {
      expect(await actions("admin")).toContain("user.change_role");
      expect((await actions("viewer")).filter((a) => a.startsWith("user.") || a.startsWith("access."))).toEqual([]);
    }
  });
});
