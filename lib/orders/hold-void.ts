// When Ingram voids an order left on customer hold. Ingram gives a rule, not a date: an order created on
// customer hold must be released within 24 hours or it is voided (CONTRACT §6.6, pitfall 15). So the deadline
// is computed from when Ingram says it created the order; no detail carries a void date. Pure.

export const HOLD_VOID_HOURS = 24;
const HOUR_MS = 3_600_000;

export interface HoldVoid {
  /** The computed moment (ISO); when Ingram gave only a day, the latest the rule allows (end of the next day). */
  at: string;
  /** false when Ingram dated the order with a day only, so the hour is not known. */
  exact: boolean;
  /** Milliseconds left from `now`; 0 or less once passed. */
  remainingMs: number;
}

/**
 * `ingramOrderDate` as Ingram sent it: a date-time with offset ("2020-05-13T00:38:52-07:00") gives the exact
 * moment; a bare day ("2021-05-20") gives only a bound. null when it cannot be read.
 */
export function holdVoidsAt(orderedAt: string | null | undefined, now = Date.now()): HoldVoid | null {
  const v = orderedAt?.trim();
  if (!v) return null;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(v);
  const placed = Date.parse(dayOnly ? `${v}T00:00:00Z` : v);
  if (Number.isNaN(placed)) return null;
  // A bare day: the order may have been placed at its last minute (in any zone), so the latest bound is given.
  const at = placed + HOLD_VOID_HOURS * HOUR_MS + (dayOnly ? 24 * HOUR_MS : 0);
  return { at: new Date(at).toISOString(), exact: !dayOnly, remainingMs: at - now };
}

/** "in 5 h 12 min", "in 40 min", "now": how long is left, for the sentence beside the date. */
export function remainingWords(ms: number): string {
  if (ms <= 0) return "now";
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `in ${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `in ${h} h ${m} min` : `in ${h} h`;
}
