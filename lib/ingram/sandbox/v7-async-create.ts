import type { SandboxContext } from "./context.ts";
import { createOrder, duplicatePo, isDuplicatePo, skuNotFound } from "./create-orders.ts";
import { v7FailureEvent, v7ResultEvent } from "./events.ts";
import { SANDBOX_QUOTES } from "./line-extras.ts";
import { renderCreateResponse } from "./render-writes.ts";
import { json, v7Error } from "./responses.ts";
import type { Reply } from "./sandbox-types.ts";
import { digits } from "./util.ts";
import { type CreateRequest, type Json, validateCreate } from "./validate.ts";

/**
 * POST /resellers/v7/orders. As at Ingram, only a malformed request is answered at once (400); the
 * acknowledgement (200, confirmationNumber) creates nothing yet. After `webhookDelayMs` the order is
 * processed: it becomes searchable and readable, then the result webhook is sent (when a webhook URL is configured); what Ingram validates
 * while processing (duplicate PO, unknown SKUs) is reported by the failure webhook instead.
 */
export function createV7(ctx: SandboxContext, body: Json): Reply {
  const { fields, request } = validateCreate(body, "v7");
  if (!request) return v7Error(400, "Validation failed", fields);
  const now = ctx.clock.now();
  const confirmationNumber = `US-I-T-${new Date(now).toISOString().replace(/\D/g, "").slice(2, 8)}${digits(ctx.store.rng, 14)}`;
  ctx.life.later(ctx.cfg.webhookDelayMs, () => processV7(ctx, request, confirmationNumber));
  return json(200, {
    quoteNumber: typeof body.quoteNumber === "string" ? body.quoteNumber : null,
    confirmationNumber,
    message:
      "Thank you for submitting the order request. The order request is being processed and you will be notified via webhook once the order is created.",
  });
}

/** Quote-to-order: the quote's lines replace whatever lines were sent; an unknown quote is a processing error. */
function withQuote(request: CreateRequest): CreateRequest | null {
  if (!request.quoteNumber) return request;
  const quoted = SANDBOX_QUOTES[request.quoteNumber.trim().toUpperCase()];
  return quoted ? { ...request, lines: quoted.map((l, index) => ({ ...l, index })) } : null;
}

function processV7(ctx: SandboxContext, sent: CreateRequest, confirmationNumber: string): void {
  const now = ctx.clock.now();
  let event: { eventId: string; payload: unknown[] };
  const request = withQuote({ ...sent, webOrderId: confirmationNumber.replace(/\D/g, "").slice(-8) });
  if (!request) {
    event = v7FailureEvent(
      sent,
      confirmationNumber,
      [{ field: "quoteNumber", value: sent.quoteNumber, message: "Quote not found or not valid for ordering" }],
      now,
    );
  } else if (isDuplicatePo(ctx.store, request)) {
    event = v7FailureEvent(request, confirmationNumber, [duplicatePo(request.customerOrderNumber)], now);
  } else {
    const outcome = createOrder(ctx.store, now, request);
    event = outcome.order
      ? v7ResultEvent(renderCreateResponse(request, outcome), now)
      : v7FailureEvent(
          request,
          confirmationNumber,
          outcome.rejected.map((r) => ({
            field: `lines[${r.line.index}].ingramPartNumber`,
            value: r.line.ingramPartNumber,
            message: skuNotFound(r.line.ingramPartNumber),
          })),
          now,
        );
  }
  if (ctx.webhooks.configured) ctx.webhooks.send(event.payload, event.eventId).catch(() => undefined);
}
