import type { ApiError } from "@/app/_components/api-fetch";

export type FieldErrors = Record<string, string>;

/** Field errors from a failed API call; the API's keys may carry a "body." prefix, which forms do not. */
export function apiFields(error: ApiError): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(error.fields ?? {})) out[k.replace(/^body\./, "")] = v;
  return out;
}

/** Errors that no visible field shows, so the form can list them at the top instead of dropping them. */
export function unplacedErrors(errors: FieldErrors, placed: (key: string) => boolean): string[] {
  return Object.entries(errors)
    .filter(([k]) => !placed(k))
    .map(([k, v]) => (k === "_" ? v : `${k}: ${v}`));
}

/** A fresh key for each new submission attempt; a retry of the same attempt re-uses the one it has. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
