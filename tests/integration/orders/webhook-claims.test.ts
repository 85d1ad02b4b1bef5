// Security review finding: an event whose processing failed could be re-sent with the same id and signature
// and another body, and was processed again. The id is now consumed once, whatever the outcome.
import { describe, expect, it } from "vitest";
import * as webhook from "@/app/api/webhooks/ingram/route";
import { env } from "@/lib/env.mjs";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { signEventId } from "@/lib/ingram/sandbox/webhook-sender";
import { call, useOrdersHarness } from "./harness";

const SECRET = env.ingram.webhookSecret!;
const h = useOrdersHarness(() => ({ webhookSecret: SECRET }));

const statusEvent = (eventId: string, orderNumber: string) => ({
  topic: "resellers/orders",
  event: "im::updated",
  eventId,
  resource: [{ eventType: "im::order_shipped", orderNumber }],
});

const post = (body: unknown, signature: string) =>
  call(h, webhook.POST, "/api/webhooks/ingram", {
    method: "POST",
    as: "anonymous",
    raw: JSON.stringify(body),
    headers: { origin: "", "x-hub-signature": signature },
  });

describe("webhook event ids are consumed once", () => {
  it("a failed event re-sent with the same id and signature and another body writes nothing", async () => {
    const id = "FAILED000000000001";
    const sig = signEventId(SECRET, id);
    h.sb.sandbox.faults.set({ op: "get", times: 1, kind: "status", status: 400 });
    const first = await post(statusEvent(id, FX.shippedOrder.orderNumber), sig);
    expect(first.status).toBeGreaterThanOrEqual(400);
    h.sb.sandbox.faults.clear();
    expect(await h.t.db.webhookEvent.count({ where: { eventId: id } })).toBe(1);

    const other = FX.heldOrderNumbers[0]!;
    const again = await post(statusEvent(id, other), sig);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicates: 1 });
    expect(await h.t.db.webhookEvent.findUnique({ where: { eventId: id } })).toMatchObject({
      orderNumber: FX.shippedOrder.orderNumber,
    });
    const recorded = await h.t.db.auditEvent.findMany({ where: { action: { startsWith: "webhook." } } });
    expect(recorded.filter((a) => (a.request as { eventId?: string }).eventId === id)).toEqual([]);
  });

  it("a signature with bytes after its padding is 401 with no writes", async () => {
    const id = "TRAILING0000000001";
    const before = await h.t.db.webhookEvent.count();
    const res = await post(statusEvent(id, FX.shippedOrder.orderNumber), `${signEventId(SECRET, id)}AAAA`);
    expect(res.status).toBe(401);
    expect(await h.t.db.webhookEvent.count()).toBe(before);
  });
});
