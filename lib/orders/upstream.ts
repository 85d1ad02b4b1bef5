import "server-only";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { isCorrelationId, newCorrelationId } from "@/lib/correlation-id";
import { ingram } from "@/lib/ingram/client";
import type { OrderDetail as IngramOrderDetail } from "@/lib/ingram/schemas/order-detail";
import { zodFields } from "@/lib/validation/fields";
import { orderNumberSchema } from "@/lib/validation/orders";

export { ingram };

/** Ingram's correlation header allows 32 chars; our ids are 32 lowercase hex (lib/ingram/correlation). */
export function callContext(correlationId?: string): { correlationId: string } {
  return { correlationId: isCorrelationId(correlationId) ? correlationId : newCorrelationId() };
}

/** Every order id from a URL or body passes the allowlist before it can reach an upstream path. */
export function checkOrderNumber(value: unknown): string {
  const parsed = orderNumberSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError("bad_request", "Order number may contain only letters, digits and dashes.", {
      fields: { orderNumber: parsed.error.issues[0]?.message ?? "Invalid order number." },
    });
  }
  return parsed.data;
}

/** The client validates its inputs before any I/O; a refusal there is the caller's bad input, not a 500. */
export async function upstream<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
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
export async function fetchIngramOrder(orderNumber: string, correlationId?: string): Promise<IngramOrderDetail> {
  const res = await upstream(() => ingram().getOrder(orderNumber, {}, callContext(correlationId)));
  return res.data;
}

/** Ingram errors in the audit's shape. */
export function ingramErrorsOf(err: unknown): { message: string; type?: string }[] | null {
  if (!(err instanceof IngramError)) return null;
  return err.errors.length ? err.errors : [{ message: err.message }];
}
