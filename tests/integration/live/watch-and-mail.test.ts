// A watched order that ships (sandbox status event → signed webhook → re-fetch → index write) makes one
// notification per watcher, pokes only the watchers' bells, and sends one e-mail per watcher to a real SMTP
// server; writing the same change again — from a second database client, as a second instance would — makes none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as events from "@/app/api/events/route";
import * as notifications from "@/app/api/notifications/route";
import * as markRead from "@/app/api/notifications/read/route";
import * as order from "@/app/api/orders/[orderNumber]/route";
import * as watch from "@/app/api/orders/[orderNumber]/watch/route";
import { createDb } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { SANDBOX_FIXTURES as FX } from "@/lib/ingram/sandbox/fixtures";
import { ChangeFeed, installChangeFeed } from "@/lib/live/change-feed";
import { configureMail, deliverNotificationMail } from "@/lib/live/notification-mailer";
import { indexAccount } from "@/lib/order-index/index-detail";
import { indexOrderDetail } from "@/lib/order-index/index-writes";
import { flightsSettled } from "@/lib/orders/shared-flight";
import { callRoute } from "@/tests/support/request-scope";
import { ORIGIN, call, type Who, useOrdersHarness } from "../orders/harness";
import { type Mailbox, readEvents, startMailbox, startWebhookReceiver, waitFor } from "./support";

const ORDER = FX.heldOrderNumbers[4];
const BELL_ORDER = FX.heldOrderNumbers[3];
let mailbox: Mailbox;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver(ORIGIN);
  mailbox = await startMailbox();
  configureMail({ url: mailbox.url, from: "Orderdesk <orderdesk@test.local>" });
});
afterAll(async () => {
  configureMail({ url: undefined, from: "" });
  await mailbox?.close();
  await receiver?.close();
});

const h = useOrdersHarness(() => ({ webhookUrl: receiver.url, webhookSecret: env.ingram.webhookSecret! }));

let feed: ChangeFeed;
beforeAll(() => {
  // PostgreSQL: this process LISTENs like any instance; PGlite: the embedded single-process feed.
  feed = h.t.kind === "postgres" ? new ChangeFeed("pg", h.t.url) : new ChangeFeed("local");
  installChangeFeed(feed);
});
afterAll(() => feed?.close());

function stream(who: Who, ac: AbortController) {
  const req = new Request(`${ORIGIN}/api/events`, { headers: { cookie: h.cookies[who]! }, signal: ac.signal });
  return callRoute(events.GET, req, {});
}

const notificationRows = () =>
  h.t.db.notification.findMany({ where: { orderNumber: ORDER }, orderBy: { createdAt: "asc" } });

describe("watching an order", () => {
  it("rejects a malformed order number naming the field, and anonymous callers", async () => {
    const bad = await call(h, watch.PUT, "/api/orders/x/watch", { method: "PUT", params: { orderNumber: "20/../x" } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.orderNumber).toMatch(/letters, digits and dashes/);
    const anon = await call(h, watch.PUT, "/api/orders/x/watch", {
      method: "PUT",
      as: "anonymous",
      params: { orderNumber: ORDER },
    });
    expect(anon.status).toBe(401);
  });

  it("a shipped watched order: one notification per watcher, one e-mail each, bells of watchers only", async () => {
    // The order is in the index as Ingram has it now (on hold), as after anyone opened it.
    expect((await call(h, order.GET, `/api/orders/${ORDER}`, { params: { orderNumber: ORDER } })).status).toBe(200);
    // The read answers before its index write lands: the streams below open once it has (its change is not theirs).
    await flightsSettled();
    for (const who of ["buyer", "viewer"] as const) {
      const res = await call(h, watch.PUT, `/api/orders/${ORDER}/watch`, {
        method: "PUT",
        as: who,
        params: { orderNumber: ORDER },
      });
      expect(await res.json()).toEqual({ watching: true });
    }
    // Watching twice is one watch.
    await call(h, watch.PUT, `/api/orders/${ORDER}/watch`, { method: "PUT", params: { orderNumber: ORDER } });
    expect(await h.t.db.orderWatch.count({ where: { orderNumber: ORDER } })).toBe(2);

    const viewerAc = new AbortController();
    const adminAc = new AbortController();
    const viewerStream = readEvents(await stream("viewer", viewerAc));
    const adminStream = readEvents(await stream("admin", adminAc));
    await viewerStream.until((e) => e.event === "ready");
    await adminStream.until((e) => e.event === "ready");

    await h.sb.sandbox.emitStatusEvent(ORDER, "im::order_shipped");
    await waitFor(async () => (await notificationRows()).length === 2);

    const rows = await notificationRows();
    expect(rows.map((r) => r.userId).sort()).toEqual([h.users.buyer!.id, h.users.viewer!.id].sort());
    expect(rows.every((r) => r.fromStatus === "on_hold" && r.toStatus === "shipped")).toBe(true);

    const shipped = await viewerStream.until((e) => e.event === "order" && e.data.includes(ORDER));
    expect(JSON.parse(shipped.data)).toMatchObject({ orderNumber: ORDER, status: "shipped", source: "webhook" });
    await viewerStream.until((e) => e.event === "bell");
    await adminStream.until((e) => e.event === "order" && e.data.includes(ORDER));
    // The admin watches nothing: the change reaches their list, not their bell; no user id is ever sent.
    expect(adminStream.events.some((e) => e.event === "bell")).toBe(false);
    expect(JSON.stringify(viewerStream.events)).not.toContain(h.users.buyer!.id);

    await waitFor(async () => mailbox.messages.length >= 2);
    expect(mailbox.messages.map((m) => m.to[0]).sort()).toEqual([h.users.buyer!.email, h.users.viewer!.email].sort());
    expect(mailbox.messages[0]!.body).toContain(`Order ${ORDER} is now shipped`);
    await waitFor(async () => (await notificationRows()).every((r) => r.emailState === "sent"));

    // The same change written again by a second instance (its own client), twice at once: nothing new.
    const raw = (await h.t.db.indexedOrder.findFirst({ where: { orderNumber: ORDER } }))!.detail;
    const second = h.t.kind === "postgres" ? createDb(h.t.url, 2) : h.t.db;
    try {
      await Promise.all([
        indexOrderDetail(second, indexAccount(), raw as never, "webhook"),
        indexOrderDetail(h.t.db, indexAccount(), raw as never, "details"),
      ]);
    } finally {
      if (second !== h.t.db) await second.$disconnect();
    }
    expect(await deliverNotificationMail()).toBe(0);
    expect((await notificationRows()).length).toBe(2);
    expect(mailbox.messages.length).toBe(2);

    // Aborting ends each stream cleanly.
    viewerAc.abort();
    adminAc.abort();
    await viewerStream.ended;
    await adminStream.ended;
    expect(viewerStream.done && adminStream.done).toBe(true);
  });

  it("the bell lists the user's own notifications and marks them read", async () => {
    // Its own notifications, on another order, so that the file passes in any order.
    await h.t.db.notification.deleteMany();
    for (const who of ["viewer", "buyer"] as const) {
      await h.t.db.notification.create({
        data: {
          userId: h.users[who]!.id,
          ...indexAccount(),
          orderNumber: BELL_ORDER!,
          fromStatus: "on_hold",
          toStatus: "shipped",
          changeKey: `${BELL_ORDER}:shipped:test`,
        },
      });
    }
    const list = await call(h, notifications.GET, "/api/notifications", { as: "viewer" });
    const body = (await list.json()) as { unread: number; items: { id: string; orderNumber: string }[] };
    expect(body.unread).toBe(1);
    expect(body.items.map((i) => i.orderNumber)).toEqual([BELL_ORDER]);
    // Another user's id is not theirs to mark.
    const buyerRow = (await h.t.db.notification.findFirst({ where: { userId: h.users.buyer!.id } }))!;
    const foreign = await call(h, markRead.POST, "/api/notifications/read", {
      method: "POST",
      as: "viewer",
      body: { ids: [buyerRow.id] },
    });
    expect(await foreign.json()).toEqual({ marked: 0 });
    const empty = await call(h, markRead.POST, "/api/notifications/read", { method: "POST", as: "viewer", body: {} });
    expect(empty.status).toBe(422);
    expect((await empty.json()).error.fields.ids).toBeTruthy();
    const mine = await call(h, markRead.POST, "/api/notifications/read", {
      method: "POST",
      as: "viewer",
      body: { ids: [body.items[0]!.id] },
    });
    expect(await mine.json()).toEqual({ marked: 1 });
    const after = await (await call(h, notifications.GET, "/api/notifications", { as: "viewer" })).json();
    expect(after.unread).toBe(0);
    const buyer = await (await call(h, notifications.GET, "/api/notifications", { as: "buyer" })).json();
    expect(buyer.unread).toBe(1);
  });
});
