import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { recordEvent } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { pruneIfDue } from "@/lib/database/retention";
import { env } from "@/lib/env.mjs";
import { AppError } from "@/lib/errors";
import type { OrderDetail as IngramOrderDetail } from "@/lib/ingram/schemas/order-detail";
import { log } from "@/lib/log";
import { writeThrough } from "@/lib/order-index/index-detail";
import { isOrderNumber } from "@/lib/validation/order-number";
import { fetchIngramOrder } from "./ingram-calls";
import { OPEN_REQUEST_STATES, settleOrderRequest } from "./order-request-outcome";
import { parseWebhookBody, type WebhookEventIn } from "./webhook-payload";

/**
 * Ingram signs each event as x-hub-signature: Base64(HMAC-SHA512(secret, eventId)); compared in constant time.
 * The header must be the canonical Base64 of the digest, byte for byte: Node's decoder ignores what follows the
 * padding and skips stray characters, so a decoded match alone would accept altered headers.
 */
export function verifySignature(secret: string, eventId: string, header: string | null): boolean {
  if (!header || !secret) return false;
  const expected = createHmac("sha512", secret).update(eventId, "utf8").digest();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(header)) return false;
  const given = Buffer.from(header, "base64");
  if (given.toString("base64") !== header) return false;
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface WebhookResult {
  received: number;
  duplicates: number;
}

/**
 * POST /api/webhooks/ingram. Verifies every event's signature before writing anything (401, 0 writes), claims
 * each event id once, whatever the outcome (replays are no-ops), re-fetches each named order from Ingram and
 * records (in the audit and the order index) what Ingram says, never the body.
 */
export async function receiveIngramWebhook(
  rawBody: string,
  signature: string | null,
  correlationId: string,
  secret = env.ingram.webhookSecret,
): Promise<WebhookResult> {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new AppError("bad_request", "The webhook body is not valid JSON.");
  }
  const events = parseWebhookBody(body);
  if (!events) throw new AppError("bad_request", "The webhook body has no event with an eventId.");
  if (!events.every((e) => verifySignature(secret ?? "", e.eventId, signature))) {
    throw new AppError("unauthenticated", "Missing or invalid webhook signature.");
  }
  let duplicates = 0;
  void pruneIfDue(db);
  for (const e of events) {
    const { count } = await db.webhookEvent.createMany({
      data: [
        {
          eventId: e.eventId,
          topic: e.topic,
          event: e.event,
          eventType: e.eventType,
          orderNumber: e.orderNumbers[0] ?? null,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) {
      duplicates++;
      continue;
    }
    try {
      await processEvent(e, correlationId);
    } catch (err) {
      // The claim stays: a signature covers only the event id, so a second delivery of this id could carry
      // any body. The order is brought up to date by its next event or the sync; the caller answers 5xx.
      log("error", "webhook event failed and stays consumed", { correlationId, eventId: e.eventId });
      throw err;
    }
  }
  return { received: events.length, duplicates };
}

async function refetch(orderNumber: string, correlationId: string): Promise<IngramOrderDetail | null> {
  if (!isOrderNumber(orderNumber)) return null;
  try {
    return await fetchIngramOrder(orderNumber, correlationId, { priority: "webhook" });
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
}

async function processEvent(e: WebhookEventIn, correlationId: string): Promise<void> {
  const action = e.kind === "order_created" ? "webhook.order_created" : "webhook.order_status";
  const confirmed: { orderNumber: string; order: IngramOrderDetail }[] = [];
  for (const n of e.orderNumbers) {
    const order = await refetch(n, correlationId);
    if (!order) {
      log("warn", "webhook names an order Ingram does not return", {
        correlationId,
        eventId: e.eventId,
        orderNumber: n,
      });
      continue;
    }
    confirmed.push({ orderNumber: n, order });
  }
  for (const { orderNumber, order } of confirmed) {
    await writeThrough(order, "webhook", correlationId);
    await recordEvent({
      actor: null,
      action,
      outcome: "succeeded",
      orderNumber,
      correlationId,
      request: { eventId: e.eventId, event: e.event, eventType: e.eventType, eventTimeStamp: e.timestamp },
      after: order,
    });
  }
  if (e.kind === "order_created")
    await resolveOrderRequest(
      e,
      confirmed.map((c) => c.order),
      correlationId,
    );
}

/**
 * The v7 request this result answers: by the confirmation number when the body carries one, else by customer PO.
 * A success is confirmed against the re-fetched orders; a failure (no order, Ingram's errors) cannot be
 * re-read, so the signed, once-only event is taken at its word and its reasons are redacted before use.
 */
async function resolveOrderRequest(e: WebhookEventIn, orders: IngramOrderDetail[], correlationId: string) {
  const po = e.customerOrderNumber ?? orders.find((o) => o.customerOrderNumber)?.customerOrderNumber ?? null;
  if (e.failed) {
    const request = await openRequest(e.confirmationNumber, po, OPEN_REQUEST_STATES);
    if (!request) return;
    const reasons = e.errors.length ? e.errors : ["Ingram Micro reported that the order could not be created."];
    await settleOrderRequest(
      request.id,
      { status: "failed", orderNumbers: [], reasons, resolvedBy: "webhook", eventId: e.eventId },
      { correlationId },
    );
    return;
  }
  if (!po) return;
  const numbers = orders
    .filter((o) => o.customerOrderNumber === po && typeof o.ingramOrderNumber === "string")
    .map((o) => o.ingramOrderNumber as string);
  if (numbers.length === 0) return;
  // "unknown" too: the reply to the POST was lost, and this result settles what that outcome could not.
  const request = await openRequest(e.confirmationNumber, po, [...OPEN_REQUEST_STATES, "unknown"]);
  if (!request) return;
  await settleOrderRequest(
    request.id,
    { status: "created", orderNumbers: numbers, reasons: [], resolvedBy: "webhook", eventId: e.eventId },
    { correlationId, from: [...OPEN_REQUEST_STATES, "unknown"] },
  );
}

async function openRequest(confirmationNumber: string | null, po: string | null, states: string[]) {
  if (confirmationNumber) {
    const byConfirmation = await db.orderRequest.findFirst({ where: { confirmationNumber, status: { in: states } } });
    if (byConfirmation) return byConfirmation;
  }
  if (!po) return null;
  return db.orderRequest.findFirst({
    where: { customerOrderNumber: po, status: { in: states } },
    orderBy: { createdAt: "desc" },
  });
}
