import "server-only";
import { recordOutcome } from "@/lib/audit/record";
import type { AuditActor, AuditIntent, FinalOutcome } from "@/lib/audit/types";
import type { Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { writeThrough } from "@/lib/order-index/index-detail";
import { type CallFor, fetchIngramOrder, ingramErrorsOf, ingramStatusOf, maybeCommitted } from "./ingram-calls";

// The audit side every order change shares: who acts, what a failed call records, what the order looks like
// afterwards. An intent is written before Ingram is called; these write its outcome.

export interface CommandOptions {
  correlationId: string;
  idempotencyKey?: string;
}

export function auditActor(actor: Actor): AuditActor {
  return { id: actor.id, email: actor.email };
}

/** Records the failed (or, when it may have committed, unknown) outcome of a write that threw. */
export async function recordFailure(intent: AuditIntent, err: unknown): Promise<FinalOutcome> {
  const outcome: FinalOutcome = maybeCommitted(err) ? "unknown" : "failed";
  await recordOutcome(intent, {
    outcome,
    ingramStatus: ingramStatusOf(err),
    ingramErrors:
      ingramErrorsOf(err) ?? (err instanceof AppError ? [{ message: err.message }] : [{ message: "not sent" }]),
  });
  return outcome;
}

/**
 * The order as Ingram has it after a change, for the audit diff and the order index; the reply stands in for
 * the audit if the read fails.
 */
export async function readOrderAfterChange(
  orderNumber: string,
  correlationId: string,
  reply: unknown,
  forWhom: CallFor,
): Promise<unknown> {
  try {
    const after = await fetchIngramOrder(orderNumber, correlationId, forWhom);
    await writeThrough(after, "change", correlationId);
    return after;
  } catch (err) {
    log("warn", "order re-read after change failed", { correlationId, orderNumber, err });
    return reply;
  }
}
