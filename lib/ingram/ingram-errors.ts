import type { IngramOperation } from "./ingram-operations";

export type IngramErrorKind =
  "http" | "timeout" | "network" | "bad_payload" | "circuit_open" | "rate_limited" | "budget";

const SUMMARY: Record<IngramErrorKind, string> = {
  http: "Ingram rejected the request",
  timeout: "Ingram did not answer in time",
  network: "Ingram could not be reached",
  bad_payload: "Ingram sent an unusable response",
  circuit_open: "Ingram is unavailable (circuit open)",
  rate_limited: "Ingram rate limit reached",
  budget: "No Ingram budget left for this call (not sent)",
};

// Next.js bundles route handlers and pages separately, each with its own copy of this class, while the one
// client lives on globalThis: `instanceof` must recognize an IngramError made by another copy.
const BRAND = Symbol.for("orderdesk.IngramError");

/**
 * The only error the client throws for upstream trouble. `status` is the upstream HTTP status (0 when no
 * response was used); `errors` are upstream messages, normalized. The message never carries upstream text
 * or credentials. `op` tells a token-endpoint failure (a configuration problem) from an operation failure.
 */
export class IngramError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  readonly [BRAND] = true;
  readonly kind: IngramErrorKind;
  readonly status: number;
  readonly errors: IngramErrorDetail[];
  readonly correlationId: string;
  readonly retryAfterSeconds?: number;
  readonly op: IngramOperation;

  constructor(init: {
    kind: IngramErrorKind;
    op: IngramOperation;
    status?: number;
    errors?: IngramErrorDetail[];
    correlationId: string;
    retryAfterSeconds?: number;
    cause?: unknown;
  }) {
    const status = init.status ?? 0;
    super(`${SUMMARY[init.kind]} (${init.op}${status ? `, HTTP ${status}` : ""})`, { cause: init.cause });
    this.name = "IngramError";
    this.kind = init.kind;
    this.op = init.op;
    this.status = status;
    this.errors = init.errors ?? [];
    this.correlationId = init.correlationId;
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export function isIngramError(e: unknown): e is IngramError {
  return e instanceof IngramError;
}

/*
 * One normalizer for every error body Ingram's layers produce:
 *   { errors: [{ id, type, message, fields }] }      API (ErrorResponse / ErrorResponseDTO, 429)
 *   { errors: [{ traceid, ... }] } | { traceid, type, message, fields }   v7 wrapped / flat
 *   { fault: { faultstring, detail: { errorcode } } }                       gateway
 *   { faultcode, faultstring }                                              gateway
 *   { message }                                                             token endpoint
 * Keys are matched case-insensitively and with one typo allowed (`1ype`, `messaage`).
 */

export interface IngramFieldError {
  field: string;
  value?: string;
  message: string;
}
export interface IngramErrorDetail {
  message: string;
  type?: string;
  fields?: IngramFieldError[];
}

const MAX_TEXT = 500;
const MAX_ITEMS = 20;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Value under `key`: exact, then case-insensitive, then one typo away (keys of 4+ chars). */
function pick(o: Obj, key: string): unknown {
  if (key in o) return o[key];
  const lower = key.toLowerCase();
  const keys = Object.keys(o);
  const ci = keys.find((k) => k.toLowerCase() === lower);
  if (ci !== undefined) return o[ci];
  if (key.length < 4) return undefined;
  const fuzzy = keys.find((k) => editDistanceAtMostOne(k.toLowerCase(), lower));
  return fuzzy === undefined ? undefined : o[fuzzy];
}

function text(v: unknown): string | undefined {
  if (typeof v === "string") {
    const t = v.trim();
    return t ? t.slice(0, MAX_TEXT) : undefined;
  }
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

function fieldsOf(v: unknown): IngramFieldError[] | undefined {
  const list = Array.isArray(v) ? v : isObj(v) ? [v] : [];
  const out: IngramFieldError[] = [];
  for (const f of list.slice(0, MAX_ITEMS)) {
    if (!isObj(f)) continue;
    const message = text(pick(f, "message"));
    const field = text(pick(f, "field")) ?? "";
    const value = text(pick(f, "value"));
    if (!message && !field) continue;
    out.push({ field, message: message ?? "", ...(value !== undefined ? { value } : {}) });
  }
  return out.length ? out : undefined;
}

function itemOf(o: Obj): IngramErrorDetail | undefined {
  const fields = fieldsOf(pick(o, "fields"));
  const message = text(pick(o, "message")) ?? text(pick(o, "faultstring")) ?? fields?.[0]?.message;
  const type = text(pick(o, "type"));
  if (!message && !type && !fields) {
    const field = text(pick(o, "field"));
    return field ? { message: field } : undefined;
  }
  return { message: message ?? "", ...(type ? { type } : {}), ...(fields ? { fields } : {}) };
}

export function normalizeErrors(body: unknown): IngramErrorDetail[] {
  if (Array.isArray(body)) return body.slice(0, MAX_ITEMS).flatMap((b) => normalizeErrors(b));
  if (!isObj(body)) {
    const t = text(body);
    return t ? [{ message: t }] : [];
  }
  const errors = pick(body, "errors");
  if (Array.isArray(errors) || isObj(errors)) {
    const list = Array.isArray(errors) ? errors : [errors];
    return list
      .slice(0, MAX_ITEMS)
      .flatMap((e) => (isObj(e) ? (itemOf(e) ?? []) : text(e) ? [{ message: text(e)! }] : []));
  }
  const fault = pick(body, "fault");
  if (isObj(fault)) {
    const detail = pick(fault, "detail");
    const code = isObj(detail) ? text(pick(detail, "errorcode")) : undefined;
    const message = text(pick(fault, "faultstring")) ?? "";
    return [{ message, ...(code ? { type: code } : {}) }];
  }
  const faultstring = text(pick(body, "faultstring"));
  if (faultstring) {
    const code = text(pick(body, "faultcode"));
    return [{ message: faultstring, ...(code ? { type: code } : {}) }];
  }
  const item = itemOf(body);
  return item ? [item] : [];
}

/** Abort reason used for the call deadline, to tell it from the caller's own abort. */
export class DeadlineExceeded extends Error {
  constructor() {
    super("deadline exceeded");
    this.name = "DeadlineExceeded";
  }
}

/** Anything thrown during a call, as an IngramError: an abort is a timeout (saying so when the caller aborted), the rest a network failure. */
export function toIngramError(
  e: unknown,
  op: IngramOperation,
  correlationId: string,
  signal: AbortSignal,
): IngramError {
  if (e instanceof IngramError) return e;
  if (signal.aborted) {
    const byCaller = !(signal.reason instanceof DeadlineExceeded);
    return new IngramError({
      kind: "timeout",
      op,
      correlationId,
      errors: byCaller ? [{ message: "aborted by caller" }] : [],
    });
  }
  return new IngramError({ kind: "network", op, correlationId, cause: e });
}

/** Error details from a non-2xx body, JSON or not (non-JSON text is not surfaced). */
export function errorDetails(text: string): IngramErrorDetail[] {
  try {
    return text.trim() ? normalizeErrors(JSON.parse(text)) : [];
  } catch {
    return [];
  }
}
