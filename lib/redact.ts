// The one rule for secrets in what the portal writes down or shows: log lines mask them, audit rows drop them,
// Ingram's own words are masked and capped before a user or the audit log sees them. Pure.

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

const SECRET_TEXT: [RegExp, string][] = [
  // An HTTP credential: "Bearer <token>", "Basic <base64>".
  [/\b(Bearer|Basic|Digest|Token)\s+[^\s,;"'<>]+/gi, "$1 [redacted]"],
  // A JSON Web Token anywhere.
  [/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, "[redacted]"],
  // "<secret-looking name>=value" or ": value", quoted or not.
  [
    /\b([\w-]*(?:pass|pwd|secret|token|authori[sz]ation|cookie|credential|api[-_]?key|private[-_]?key|signature)[\w-]*)("?\s*[=:]\s*"?)(?!\[redacted\])[^\s,;&"'<>]+/gi,
    "$1$2[redacted]",
  ],
  // A long opaque string (keys, tokens, hashes); order numbers, SKUs and words are far shorter.
  [/[A-Za-z0-9+_-]{32,}={0,2}/g, "[redacted]"],
];

/** Text with credentials, tokens and secret-looking assignments replaced by "[redacted]". */
export function maskSecretText(text: string): string {
  return SECRET_TEXT.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

export const UPSTREAM_TEXT_MAX = 200;

/**
 * Ingram's own words as a user may read them: the first line, control characters removed, secrets masked, cut
 * to `max` characters; "" when the line looks like a stack trace.
 */
export function upstreamText(text: string, max = UPSTREAM_TEXT_MAX): string {
  const line = (text.split(/\r?\n/)[0] ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (/\bat [\w.<>]+ \(|Exception|Traceback|\.java:\d+|\.js:\d+/.test(line)) return "";
  const masked = maskSecretText(line);
  return masked.length > max ? `${masked.slice(0, max - 3)}...` : masked;
}

const STORED_UPSTREAM_MAX = 1000;

/**
 * Ingram's errors as the audit log keeps them: storable JSON, secret-looking keys dropped, every string masked
 * by maskSecretText and cut to 1000 characters.
 */
export function redactUpstream(value: unknown): unknown {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const masked = maskSecretText(v);
      return masked.length > STORED_UPSTREAM_MAX ? `${masked.slice(0, STORED_UPSTREAM_MAX - 3)}...` : masked;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(toStorableJson(value, true));
}
