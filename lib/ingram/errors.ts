import type { IngramErrorDetail } from "./normalise-errors";

export { newCorrelationId, isCorrelationId } from "./correlation";
export type { IngramErrorDetail, IngramFieldError } from "./normalise-errors";

export type IngramErrorKind = "http" | "timeout" | "network" | "bad_payload" | "circuit_open" | "rate_limited";
export type IngramOperation = "token" | "search" | "get" | "create" | "createV7" | "modify" | "release" | "cancel";

const SUMMARY: Record<IngramErrorKind, string> = {
  http: "Ingram rejected the request",
  timeout: "Ingram did not answer in time",
  network: "Ingram could not be reached",
  bad_payload: "Ingram sent an unusable response",
  circuit_open: "Ingram is unavailable (circuit open)",
  rate_limited: "Ingram rate limit reached",
};

// Next.js bundles route handlers and pages separately, each with its own copy of this class, while the one
// client lives on globalThis: `instanceof` must recognise an IngramError made by another copy.
const BRAND = Symbol.for("orderdesk.IngramError");

/**
 * The only error the client throws for upstream trouble. `status` is the upstream HTTP status (0 when no
 * response was used); `errors` are normalised upstream messages. The message never carries upstream text
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
