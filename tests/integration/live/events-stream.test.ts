// GET /api/events across instances: a change written through one instance's database client reaches the event
// stream served by another (on PostgreSQL through NOTIFY/LISTEN on its own connection; on PGlite, the embedded
// single instance, through the in-process feed). Only signed-in readers get a stream, and only their account's
// orders; aborting the request ends it.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as events from "@/app/api/events/route";
import * as order from "@/app/api/orders/[orderNumber]/route";
import { createDb, type Db } from "@/lib/db";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { CHANGE_CHANNEL, ChangeFeed, encodeChange, installChangeFeed } from "@/lib/live/change-feed";
import { indexAccount } from "@/lib/order-index/index-detail";
import { indexOrderDetail } from "@/lib/order-index/index-writes";
import { flightsSettled } from "@/lib/orders/shared-flight";
import type { OrderDetail } from "@/lib/ingram/schemas/order-detail";
import { callRoute } from "@/tests/support/request-scope";
import { ORIGIN, call, useOrdersHarness } from "../orders/harness";
import { readEvents } from "./support";

const ORDER = FX.heldOrderNumbers[3];
const h = useOrdersHarness();
let feed: ChangeFeed;
/** The writing instance: its own database client (PostgreSQL), or the one embedded instance (PGlite). */
let writer: Db;

beforeAll(() => {
  feed = h.t.kind === "postgres" ? new ChangeFeed("pg", h.t.url) : new ChangeFeed("local");
  installChangeFeed(feed);
  writer = h.t.kind === "postgres" ? createDb(h.t.url, 2) : h.t.db;
});
afterAll(async () => {
  await feed?.close();
  if (writer !== h.t.db) await writer?.$disconnect();
});

function open(ac: AbortController, cookie: string | null) {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  return callRoute(events.GET, new Request(`${ORIGIN}/api/events`, { headers, signal: ac.signal }), {});
}

/** Another account's change, as another portal sharing the database would publish it. */
async function foreignChange(): Promise<void> {
  const change = {
    accountKey: "99-999999/DE",
    orderNumber: "20-FOREIGN",
    status: "shipped",
    changedAt: new Date().toISOString(),
    source: "webhook" as const,
  };
  if (feed.mode === "local") return feed.emitLocal(change);
  const client = new pg.Client({ connectionString: h.t.url });
  await client.connect();
  await client.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, encodeChange(change)]);
  await client.end();
}

describe("GET /api/events", () => {
  it("refuses anonymous callers with the JSON error shape", async () => {
    const res = await open(new AbortController(), null);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
  });

  it("a change written by one instance reaches another instance's stream; other accounts' changes do not", async () => {
    const res = await call(h, order.GET, `/api/orders/${ORDER}`, { params: { orderNumber: ORDER } });
    expect(res.status).toBe(200);
    // The read answers before its index write lands.
    await flightsSettled();
    const raw = (await h.t.db.indexedOrder.findFirst({ where: { orderNumber: ORDER } }))!.detail as OrderDetail;

    const ac = new AbortController();
    const stream = await open(ac, h.cookies.viewer);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.headers.get("cache-control")).toContain("no-store");
    const reader = readEvents(stream);
    await reader.until((e) => e.event === "ready");

    await foreignChange();
    // The same detail again is no change: nothing is sent for it.
    await indexOrderDetail(writer, indexAccount(), raw, "details");
    // Ingram now says it is being processed: a change.
    const moved = {
      ...raw,
      orderStatus: "Processing",
      lines: raw.lines?.map((l) => ({ ...l, lineStatus: "Processing" })),
    };
    await indexOrderDetail(writer, indexAccount(), moved as OrderDetail, "change");

    // The first event for the order is the change (the unchanged write sent nothing); its sub-order may follow.
    const about = (e: { event: string; data: string }) =>
      e.event === "order" && (JSON.parse(e.data) as { orderNumber: string }).orderNumber === ORDER;
    const got = await reader.until(about);
    expect(JSON.parse(got.data)).toMatchObject({ orderNumber: ORDER, status: "processing", source: "change" });
    expect(reader.events.filter(about), JSON.stringify(reader.events)).toHaveLength(1);
    expect(JSON.stringify(reader.events)).not.toContain("20-FOREIGN");

    ac.abort();
    await reader.ended;
    expect(reader.done).toBe(true);
  });
});
