import "server-only";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { isCorrelationId, newCorrelationId } from "@/lib/correlation-id";
import { db } from "@/lib/db";
import type { BudgetPriority } from "@/lib/ingram/call-policy";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { ingram, setIngramBudget } from "@/lib/ingram/client";
import { sharedIngramBudget } from "@/lib/ingram-budget/pg-budget";
import type { OrderDetail as IngramOrderDetail } from "@/lib/ingram/schemas/order-detail";
import { zodFields } from "@/lib/validation/fields";
import { ORDER_NUMBER_MAX_LENGTH, orderNumberSchema } from "@/lib/validation/order-number";

// What every order use case needs around a call to the Ingram client: the call context, the allowlisted
// order number, errors in our vocabulary, and the order as Ingram has it now.

// Every use case reaches Ingram through here: the process client asks the budget all instances share.
setIngramBudget(() => sharedIngramBudget(db));

export interface CallFor {
  /** Who waits in the budget: "change" for a change and its read-before; "interactive" when not said. */
  priority?: BudgetPriority;
  /** The user the call is made for (a fair share of interactive reads each). */
  userId?: string;
}

/**
 * The context of one Ingram call. Ingram's correlation header allows 32 characters; our ids are 32 lowercase
 * hex characters.
 */
export function callContext(
  correlationId?: string,
  forWhom: CallFor = {},
): { correlationId: string; priority: BudgetPriority; userId?: string } {
  return {
    correlationId: isCorrelationId(correlationId) ? correlationId : newCorrelationId(),
    priority: forWhom.priority ?? "interactive",
    ...(forWhom.userId ? { userId: forWhom.userId } : {}),
  };
}

/** Every order id from a URL or body passes the allowlist before it can reach an upstream path. */
export function checkOrderNumber(value: unknown): string {
  const parsed = orderNumberSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError("bad_request", "Order number may contain only letters, digits and dashes.", {
      fields: {
        orderNumber: `Order number may contain only letters, digits and dashes (at most ${ORDER_NUMBER_MAX_LENGTH}).`,
      },
    });
  }
  return parsed.data;
}

/**
 * Runs one Ingram client call. The client validates its inputs with zod before any I/O, so such a refusal
 * is the caller's bad input (400 with fields), not a 500. Every other error passes through unchanged.
 */
export async function clientCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof ZodError) {
      throw new AppError("bad_request", "Ingram Micro would not accept these values.", {
        fields: zodFields(err),
        cause: err,
      });
    }
    throw err;
  }
}

/** The order as Ingram has it now (GET v6.1), raw, for audit `before`/`after` and webhook re-fetches. */
export async function fetchIngramOrder(
  orderNumber: string,
  correlationId?: string,
  forWhom: CallFor = {},
): Promise<IngramOrderDetail> {
  const res = await clientCall(() => ingram().getOrder(orderNumber, {}, callContext(correlationId, forWhom)));
  return res.data;
}

/**
 * A write whose reply never arrived (or arrived unreadable) may have committed at Ingram: its outcome is
 * unknown. Refusals before sending (open circuit, no budget) and HTTP errors are plain failures.
 */
export function maybeCommitted(err: unknown): boolean {
  return err instanceof IngramError && (err.kind === "timeout" || err.kind === "network" || err.kind === "bad_payload");
}

/** Ingram errors in the audit's shape; null for anything that is not an Ingram error. */
export function ingramErrorsOf(err: unknown): { message: string; type?: string }[] | null {
  if (!(err instanceof IngramError)) return null;
  return err.errors.length ? err.errors : [{ message: err.message }];
}

/** The HTTP status Ingram answered with, when the error came from an answer at all. */
export function ingramStatusOf(err: unknown): number | null {
  return err instanceof IngramError && err.status ? err.status : null;
}

/** The 504 a caller sees when a write may or may not have happened. */
export function unknownOutcomeError(what: string, cause: unknown): AppError {
  return new AppError(
    "upstream_timeout",
    `Ingram Micro did not confirm the ${what} in time. It may or may not have happened: check the order before trying again.`,
    { cause, upstreamStatus: cause instanceof IngramError ? cause.status : undefined },
  );
}
