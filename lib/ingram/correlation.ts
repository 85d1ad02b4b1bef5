/** IM-CorrelationID is capped at 32 chars (CONTRACT §9.7): 32 lowercase hex digits. */
export const CORRELATION_ID = /^[0-9a-f]{32}$/;

export function newCorrelationId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, "");
}

export function isCorrelationId(v: unknown): v is string {
  return typeof v === "string" && CORRELATION_ID.test(v);
}
