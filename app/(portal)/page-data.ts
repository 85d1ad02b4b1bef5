import "server-only";
import { notFound } from "next/navigation";
import { toAppError } from "@/lib/error-map";
import type { ErrorCode } from "@/lib/errors";
import { newCorrelationId } from "@/lib/correlation-id";
import { log } from "@/lib/log";
import { isOrderNumber } from "@/lib/validation/order-number";

export interface PageFailure {
  ok: false;
  code: ErrorCode;
  status: number;
  /** Safe to show: AppError messages are written for users; internals stay in the log. */
  message: string;
  correlationId: string;
  /** The server's Retry-After for this failure (429, a throttled or open circuit), for the Retry button. */
  retryAfterSeconds?: number;
}

export type PageResult<T> = { ok: true; data: T; correlationId: string } | PageFailure;

/**
 * Runs one read for a server component with its own correlation id, so a failure can be shown as a plain
 * message plus the id support finds in our logs and in Ingram's.
 */
export async function loadForPage<T>(what: string, fn: (correlationId: string) => Promise<T>): Promise<PageResult<T>> {
  const correlationId = newCorrelationId();
  try {
    return { ok: true, data: await fn(correlationId), correlationId };
  } catch (err) {
    const appErr = toAppError(err);
    // A 4xx (no such order, a bad filter) is an ordinary answer: logged without the stack.
    if (appErr.status >= 500) log("error", `page read failed: ${what}`, { correlationId, code: appErr.code, err });
    else log("info", `page read refused: ${what}`, { correlationId, code: appErr.code, status: appErr.status });
    return {
      ok: false,
      code: appErr.code,
      status: appErr.status,
      message: appErr.message,
      correlationId,
      ...(appErr.retryAfterSeconds ? { retryAfterSeconds: appErr.retryAfterSeconds } : {}),
    };
  }
}

/** The [orderNumber] segment as an order number, or a 404 for anything that cannot be one. */
export async function orderNumberParam(params: Promise<{ orderNumber: string }>): Promise<string> {
  const raw = (await params).orderNumber;
  let value = raw;
  try {
    value = decodeURIComponent(raw);
  } catch {
    notFound();
  }
  if (!isOrderNumber(value)) notFound();
  return value;
}
