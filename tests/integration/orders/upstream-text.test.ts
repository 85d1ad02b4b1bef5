// Security review finding: Ingram's error text reached users verbatim; a crafted message carrying a bearer
// token was shown. Ingram's words now pass the redactor and a length cap, in answers and in the audit log.
import { describe, expect, it } from "vitest";
import * as one from "@/app/api/orders/[orderNumber]/route";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { auditRows, call, useOrdersHarness } from "./harness";

const h = useOrdersHarness({ webhookDelayMs: 60_000 });

const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcmRlcmRlc2sifQ.c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw";
const OPAQUE = "AbCdEf0123456789AbCdEf0123456789AbCdEf01";

describe("Ingram's error text", () => {
  it("reaches the user and the audit log with tokens masked and its length capped", async () => {
    const n = FX.heldOrderNumbers[1]!;
    const crafted = `Order cannot be cancelled. Authorization: Bearer ${TOKEN} client_secret=${OPAQUE} ${"z ".repeat(400)}`;
    h.sb.sandbox.faults.set({
      op: "cancel",
      times: 1,
      kind: "status",
      status: 400,
      body: {
        errors: [{ message: crafted, type: "/errors/bad-request", fields: [{ field: "notes", message: crafted }] }],
      },
    });
    const res = await call(h, one.DELETE, `/api/orders/${n}`, { method: "DELETE", params: { orderNumber: n } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const text = await res.text();
    expect(text).toContain("Order cannot be cancelled.");
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(OPAQUE);
    expect(text).not.toMatch(/eyJ/);
    const body = JSON.parse(text) as { error: { message: string; fields?: Record<string, string> } };
    expect(body.error.message.length).toBeLessThanOrEqual(200 + "Ingram Micro: ".length);
    for (const m of Object.values(body.error.fields ?? {})) expect(m.length).toBeLessThanOrEqual(200);

    const rows = await auditRows(h, { orderNumber: n, action: "order.cancel" });
    const stored = JSON.stringify(rows.map((r) => r.ingramErrors));
    expect(stored).toContain("Order cannot be cancelled.");
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain(OPAQUE);
  });
});
