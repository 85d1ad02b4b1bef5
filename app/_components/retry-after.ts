// How long a Retry button waits: the server's Retry-After (delta-seconds or an HTTP date, read by the same
// parser the Ingram client uses), rounded up to whole seconds. Pure, for client components.
import { parseRetryAfter } from "@/lib/ingram/call-policy";

/** Whole seconds to wait from `now`; 0 when the header is absent, unreadable or already past. */
export function retryAfterSeconds(header: string | null | undefined, now = Date.now()): number {
  const ms = parseRetryAfter(header ?? null, now);
  return ms === undefined ? 0 : Math.max(0, Math.ceil(ms / 1000));
}

/** The button's label while it waits: "Retry in 1:05", "Retry in 9 s"; "Retry" once it may. */
export function retryLabel(secondsLeft: number): string {
  if (secondsLeft <= 0) return "Retry";
  if (secondsLeft < 60) return `Retry in ${secondsLeft} s`;
  const m = Math.floor(secondsLeft / 60);
  return `Retry in ${m}:${String(secondsLeft % 60).padStart(2, "0")}`;
}
