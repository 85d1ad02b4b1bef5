// The one rule for secrets in what the portal writes down: log lines mask them, audit rows drop them. Pure.

/**
 * Keys whose values never reach a log line or an audit row, wherever they sit in a record: passwords and
 * passphrases, secrets, tokens, authorization headers, cookies, credentials, API and private keys, signatures.
 */
const SECRET_KEY = /pass|pwd|secret|token|authori[sz]ation|cookie|credential|api[-_]?key|private[-_]?key|signature/i;

const LOG_MAX_DEPTH = 6;
const STORED_MAX_DEPTH = 32;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** For log lines: the same shape with every secret-looking key's value replaced by "[redacted]". */
export function maskSecrets(value: unknown, depth = 0): unknown {
  if (depth > LOG_MAX_DEPTH) return "[depth]";
  if (Array.isArray(value)) return value.map((v) => maskSecrets(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = isSecretKey(k) ? "[redacted]" : maskSecrets(v, depth + 1);
    return out;
  }
  return value;
}

function cleanString(s: string): string {
  // jsonb rejects NUL and lone surrogates.
  return s.replace(/\u0000/g, "").replace(LONE_SURROGATE, "\ufffd");
}

/**
 * A JSON value (null, boolean, finite number, string, array, plain object) equal to what JSON.stringify would
 * keep, with strings made storable in PostgreSQL's jsonb. Depth beyond 32 is cut to "[depth]" (which also ends
 * cycles). With `dropSecrets`, secret-looking keys are removed at every level.
 */
export function toStorableJson(value: unknown, dropSecrets = false, depth = 0): unknown {
  if (value === undefined || value === null) return null;
  if (depth > STORED_MAX_DEPTH) return "[depth]";
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
    if (dropSecrets && isSecretKey(k)) continue;
    out[cleanString(k)] = toStorableJson(v, dropSecrets, depth + 1);
  }
  return out;
}

/** A request as the audit log keeps it: secret-looking keys removed at every depth. */
export function redactRequest(value: unknown): unknown {
  return toStorableJson(value, true);
}
