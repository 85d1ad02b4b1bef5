import "server-only";
import type { AuditActor, AuditIntent, FinalOutcome } from "@/lib/audit/types";
import { recordOutcome } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { ingramErrorsOf } from "../upstream";

export interface CommandOptions {
  correlationId: string;
  idempotencyKey?: string;
}

export function auditActor(actor: Actor): AuditActor {
  return { id: actor.id, email: actor.email };
}

/**
 * A write whose reply never arrived (or arrived unreadable) may have committed at Ingram: its outcome is
 * unknown. Refusals before sending (open circuit, our own pacing) and HTTP errors are plain failures.
 */
export function maybeCommitted(err: unknown): boolean {
  return err instanceof IngramError && (err.kind === "timeout" || err.kind === "network" || err.kind === "bad_payload");
}

/** Records the failed/unknown outcome of a write that threw, then lets the error propagate. */
export async function recordFailure(intent: AuditIntent, err: unknown): Promise<FinalOutcome> {
  const outcome: FinalOutcome = maybeCommitted(err) ? "unknown" : "failed";
  await recordOutcome(intent, {
    outcome,
    ingramStatus: err instanceof IngramError && err.status ? err.status : null,
    ingramErrors: ingramErrorsOf(err) ?? (err instanceof AppError ? [{ message: err.message }] : [{ message: "not sent" }]),
  });
  return outcome;
}

/** The 504 a caller sees when a write may or may not have happened. */
export function unknownOutcomeError(what: string, cause: unknown): AppError {
  return new AppError(
    "upstream_timeout",
    `Ingram Micro did not confirm the ${what} in time. It may or may not have happened: check the order before trying again.`,
    { cause, upstreamStatus: cause instanceof IngramError ? cause.status : undefined },
  );
}
