import { createHash, createHmac } from "node:crypto";

/** An event before it has a place in the chain. JSON values must already be storable (lib/redact.ts makes them so). */
export interface NewEvent {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  orderNumber: string | null;
  correlationId: string | null;
  intentId: string | null;
  outcome: string;
  request: unknown;
  before: unknown;
  after: unknown;
  ingramStatus: number | null;
  ingramErrors: unknown;
  /** On an intent: the portal instance that owns it. */
  instanceId?: string | null;
  /** On the one outcome of an intent: that intent (set by appendEvent). */
  outcomeOf?: string | null;
  /** On a correction: the outcome event it corrects (set by appendEvent). */
  corrects?: string | null;
}

/** The fields an event's hash covers. JSON values are compared by content: key order never matters. */
export interface ChainFields extends Omit<NewEvent, "at"> {
  seq: bigint | number | string;
  at: Date | string;
  prevHash: string;
}

/**
 * JSON with object keys sorted (recursively) and no whitespace. PostgreSQL's jsonb does not keep key order,
 * so the hash must not depend on it. undefined and null are the same thing here (a missing value).
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const keys = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    const body = keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${body.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The canonical form hashed for an event: sorted-keys JSON of seq (decimal string), id, at (ISO with ms),
 * actor {id, email} (or null), action, orderNumber, correlationId, intentId, outcome, request, before, after,
 * ingramStatus, ingramErrors, prevHash; plus instanceId, outcomeOf and corrects only when set, so events written
 * before those fields existed keep their hashes.
 */
export function canonicalForm(e: ChainFields): string {
  const actor = e.actorId === null && e.actorEmail === null ? null : { id: e.actorId, email: e.actorEmail };
  return canonicalJson({
    instanceId: e.instanceId ?? undefined,
    outcomeOf: e.outcomeOf ?? undefined,
    corrects: e.corrects ?? undefined,
    seq: String(e.seq),
    id: e.id,
    at: new Date(e.at).toISOString(),
    actor,
    action: e.action,
    orderNumber: e.orderNumber ?? null,
    correlationId: e.correlationId ?? null,
    intentId: e.intentId ?? null,
    outcome: e.outcome,
    request: e.request ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    ingramStatus: e.ingramStatus ?? null,
    ingramErrors: e.ingramErrors ?? null,
    prevHash: e.prevHash,
  });
}

/** Marks a keyed hash; events hashed before the portal had AUDIT_KEY carry a bare SHA-256 hex digest. */
export const KEYED_HASH_PREFIX = "hmac-sha256:";

export function isKeyedHash(hash: string): boolean {
  return hash.startsWith(KEYED_HASH_PREFIX);
}

/**
 * An event's hash: with a key, `hmac-sha256:` + HMAC-SHA256(key, canonical form) in lowercase hex, which nobody
 * without the key can recompute after rewriting an event; with key null, the SHA-256 hex of the canonical form,
 * as events were hashed before the key existed (verification only; appends always use the key).
 */
export function eventHash(e: ChainFields, key: string | null): string {
  const form = canonicalForm(e);
  if (key === null) return createHash("sha256").update(form, "utf8").digest("hex");
  return KEYED_HASH_PREFIX + createHmac("sha256", key).update(form, "utf8").digest("hex");
}
