import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/audit/route";
import { recordEvent } from "@/lib/audit/record";
import { call, useOrdersHarness } from "@/tests/integration/orders/harness";

const h = useOrdersHarness();

describe("GET /api/audit", () => {
  it("serves filtered events as JSON and as a CSV download, for audit readers only", async () => {
    await recordEvent({ actor: null, action: "webhook.order_status", orderNumber: "20-CSV01", outcome: "succeeded" });
    await recordEvent({ actor: null, action: "webhook.order_status", orderNumber: "20-OTHER", outcome: "succeeded" });

    const res = await call(h, GET, "/api/audit", { as: "viewer", query: "orderNumber=20-CSV01" });
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.rows.map((r: { orderNumber: string }) => r.orderNumber)).toEqual(["20-CSV01"]);

    const csv = await call(h, GET, "/api/audit", { as: "viewer", query: "format=csv&orderNumber=20-CSV01" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="audit-/);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("20-CSV01");

    expect((await call(h, GET, "/api/audit", { as: "anonymous", query: "format=csv" })).status).toBe(401);
    expect((await call(h, GET, "/api/audit", { as: "disabled", query: "format=csv" })).status).toBe(401);
    expect((await call(h, GET, "/api/audit", { as: "viewer", query: "format=csv&action=nope" })).status).toBe(422);
  });
});
