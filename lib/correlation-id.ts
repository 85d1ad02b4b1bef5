// Correlation ids tie one user action together across our logs, our error bodies and Ingram's
// IM-CorrelationID header, which takes at most 32 characters: ours are 32 lowercase hex digits.

export const CORRELATION_ID = /^[0-9a-f]{32}$/;

export function newCorrelationId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, "");
}

export function isCorrelationId(v: unknown): v is string {
  return typeof v === "string" && CORRELATION_ID.test(v);
}
