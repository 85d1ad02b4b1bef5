import "server-only";

export { createIngramClient, isPartial, type IngramClient } from "./client";
export type { IngramConfig } from "./config";
export type { CallContext, IngramResponse } from "./transport";
export { IngramError, isIngramError, newCorrelationId, isCorrelationId } from "./errors";
export type { IngramErrorKind, IngramOperation, IngramErrorDetail, IngramFieldError } from "./errors";
export { normaliseErrors } from "./normalise-errors";
export { searchOrdersParams, getOrderParams } from "./query";
export * from "./schemas";
