// Shapes arbitrary values into what the audit log stores: JSON that PostgreSQL's jsonb accepts, with secrets
// removed from requests. Pure.

const SECRET_KEY =
  /passw(or)?d|passphrase|pwd|secret|token|authori[sz]ation|cookie|credential|api[-_]?key|private[-_]?key|signature/i;
const MAX_DEPTH = 32;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function cleanString(s: string): string {
  // jsonb rejects NUL and lone surrogates.
  return s.replace(/\u0000/g, "").replace(LONE_SURROGATE, "\ufffd");
}

/**
 * A JSON value (null, boolean, finite number, string, array, plain object) equal to what JSON.stringify would
 * keep, with strings made storable. Depth beyond 32 is cut to "[depth]" (which also ends cycles).
 * With `dropSecrets`, keys that look like secrets are removed at every level.
 */
export function toStorableJson(value: unknown, dropSecrets = false, depth = 0): unknown {
  if (value === undefined || value === null) return null;
  if (depth > MAX_DEPTH) return "[depth]";
  if (typeof value === "string") return cleanString(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object") return null;
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === "function") return toStorableJson(withJson.toJSON(), dropSecrets, depth + 1);
  if (Array.isArray(value)) return value.map((v) => toStorableJson(v, dropSecrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
    if (dropSecrets && SECRET_KEY.test(k)) continue;
    out[cleanString(k)] = toStorableJson(v, dropSecrets, depth + 1);
  }
  return out;
}

/** A request as the audit log keeps it: keys like password, secret, token, authorization removed recursively. */
export function redactRequest(value: unknown): unknown {
  return toStorableJson(value, true);
}
