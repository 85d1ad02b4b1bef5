import { beforeEach, describe, expect, it } from "vitest";
import { createIngramClient, type IngramConfig } from "@/lib/ingram/client";
import { newCorrelationId } from "@/lib/correlation-id";
import { SANDBOX_FIXTURES as F } from "@/lib/ingram/sandbox/fixtures";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "@/lib/ingram/sandbox/start-sandbox";
import { useSandboxServer } from "@/tests/support/sandbox";

/* INGRAM_REGION_CODE reaches Ingram as `regionCode` on exactly the operations whose spec lists it. */

const sb = useSandboxServer({ orderCount: 20, webhookDelayMs: 60_000 });
const ctx = () => ({ correlationId: newCorrelationId() });
const config = (over: Partial<IngramConfig> = {}): IngramConfig => ({
  baseUrl: sb.url,
  tokenUrl: sb.tokenUrl,
  clientId: SANDBOX_CLIENT_ID,
  clientSecret: SANDBOX_CLIENT_SECRET,
  customerNumber: F.customerNumber,
  countryCode: "US",
  senderId: "orderdesk-tests",
  ...over,
});

beforeEach(() => sb.reset());

async function callAll(regionCode?: string): Promise<Record<string, string | null>> {
  const client = createIngramClient(config(regionCode === undefined ? {} : { regionCode }));
  const line = [{ ingramPartNumber: F.inStockPartNumber, quantity: 1 }];
  await client.searchOrders({ customerOrderNumber: "ROLLOUT" }, ctx());
  await client.getOrder(F.processingOrderNumber, {}, ctx());
  await client.createOrder({ customerOrderNumber: "RC-6", lines: line }, ctx());
  await client.createOrderV7({ customerOrderNumber: "RC-7", lines: line }, ctx());
  await client.modifyOrder(F.heldOrderNumbers[0], { notes: "region" }, ctx());
  await client.releaseOrder(F.heldOrderNumbers[1], ctx());
  await client.cancelOrder(F.heldOrderNumbers[2], ctx());
  const seen: Record<string, string | null> = {};
  for (const r of sb.stats.requests) {
    if (r.op !== "token") seen[r.op] = new URLSearchParams(r.query).get("regionCode");
  }
  return seen;
}

describe("regionCode on the wire", () => {
  it("is sent on details, modify, release and cancel, and not on search or either create", async () => {
    expect(await callAll("CS")).toEqual({
      search: null,
      get: "CS",
      create: null,
      createV7: null,
      modify: "CS",
      release: "CS",
      cancel: "CS",
    });
    expect(sb.stats.requests.find((r) => r.op === "release")?.query).toEqual(
      expect.arrayContaining([
        ["actionCode", "release"],
        ["regionCode", "CS"],
      ]),
    );
  });

  it("is not sent when unset, and a caller's own regionCode on details wins", async () => {
    expect(Object.values(await callAll()).every((v) => v === null)).toBe(true);
    sb.stats.reset();
    await createIngramClient(config({ regionCode: "CS" })).getOrder(
      F.processingOrderNumber,
      { regionCode: "US" },
      ctx(),
    );
    expect(sb.stats.requests.find((r) => r.op === "get")?.query).toContainEqual(["regionCode", "US"]);
  });

  it("is validated with the rest of the configuration", () => {
    expect(() => createIngramClient(config({ regionCode: "C S" }))).toThrow(/regionCode/);
    expect(() => createIngramClient(config({ regionCode: "" }))).toThrow(/regionCode/);
  });
});
