// One error class, one code → status table. Messages are safe to show a user; internals go to the log only.
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "not_on_customer_hold"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "upstream_rejected"
  | "upstream_bad_gateway"
  | "upstream_timeout"
  | "upstream_unavailable"
  | "db_unavailable"
  | "internal";

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  not_on_customer_hold: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  upstream_rejected: 422,
  upstream_bad_gateway: 502,
  upstream_timeout: 504,
  upstream_unavailable: 503,
  db_unavailable: 503,
  internal: 500,
};

export interface AppErrorOptions {
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
  upstreamStatus?: number;
  /** Overrides the table's status where the code's meaning needs another (e.g. Ingram's 405 → 409). */
  status?: number;
  cause?: unknown;
}

// Branded for the same reason as IngramError: Next.js bundles pages and route handlers with separate copies
// of this module, and an AppError may cross between them through process-wide singletons.
const BRAND = Symbol.for("orderdesk.AppError");

export class AppError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: Record<string, string>;
  readonly retryAfterSeconds?: number;
  readonly upstreamStatus?: number;

  constructor(code: ErrorCode, message: string, opts: AppErrorOptions = {}) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.status = opts.status ?? STATUS_BY_CODE[code];
    this.fields = opts.fields;
    this.retryAfterSeconds = opts.retryAfterSeconds;
    this.upstreamStatus = opts.upstreamStatus;
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; correlationId: string; fields?: Record<string, string> };
}

export function errorBody(err: AppError, correlationId: string): ErrorBody {
  const body: ErrorBody = { error: { code: err.code, message: err.message, correlationId } };
  if (err.fields && Object.keys(err.fields).length) body.error.fields = err.fields;
  return body;
}

export const INTERNAL_MESSAGE = "Something went wrong on our side. Quote the correlation id if you contact support.";
