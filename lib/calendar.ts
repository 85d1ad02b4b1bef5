// Calendar days in the user's time zone: the list's date presets and its relative dates ("yesterday",
// "3 days ago"). Ingram's order and ship dates are calendar days without a time, so "today" is the day it is
// now where the user is. Pure: the clock and the zone are arguments.
import type { DatePreset } from "./validation/list-view";

export const DEFAULT_TIME_ZONE = "UTC";

// Building an Intl formatter costs far more than formatting with one (a list page formats a hundred dates), so
// each is built once: per time zone the runtime knows (a bounded set: an unknown zone throws and is not kept).
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(tz: string): Intl.DateTimeFormat {
  let f = dayFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(tz, f);
  }
  return f;
}
const SHORT_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const SHORT_DAY_YEAR = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const LONG_DAY = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** True for an IANA zone name this runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(tz: string | undefined | null): tz is string {
  if (!tz || tz.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(tz)) return false;
  try {
    dayFormat(tz);
    return true;
  } catch {
    return false;
  }
}

/** yyyy-MM-dd of the instant `now` in `tz`. */
export function dayIn(now: Date, tz: string): string {
  const parts = dayFormat(tz).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

const DAY_MS = 86_400_000;
const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `day` moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * DAY_MS);
}

/** The order-date range [from, to] (inclusive calendar days) a preset means at `now` in `tz`. */
export function presetRange(preset: DatePreset, now: Date, tz: string): [string, string] {
  const today = dayIn(now, tz);
  if (preset === "today") return [today, today];
  if (preset === "7d") return [addDays(today, -6), today];
  const firstOfThisMonth = `${today.slice(0, 8)}01`;
  const lastOfPrevious = addDays(firstOfThisMonth, -1);
  return [`${lastOfPrevious.slice(0, 8)}01`, lastOfPrevious];
}

/** Whole calendar days from `day` to today in `tz` (positive: in the past). */
export function daysAgo(day: string, now: Date, tz: string): number {
  return Math.round((toUtc(dayIn(now, tz)) - toUtc(day)) / DAY_MS);
}

/**
 * A calendar day in words relative to today where the user is: "today", "yesterday", "3 days ago", "in 2 days";
 * beyond a month the day itself with its month name ("12 Mar" this year, "12 Mar 2025" otherwise).
 */
export function relativeDay(day: string, now: Date, tz: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(toUtc(day))) return day;
  const n = daysAgo(day, now, tz);
  if (n === 0) return "today";
  if (n === 1) return "yesterday";
  if (n === -1) return "tomorrow";
  if (n > 1 && n <= 30) return `${n} days ago`;
  if (n < -1 && n >= -30) return `in ${-n} days`;
  const sameYear = day.slice(0, 4) === dayIn(now, tz).slice(0, 4);
  return (sameYear ? SHORT_DAY : SHORT_DAY_YEAR).format(new Date(toUtc(day)));
}

/** The day written out in full for a tooltip: "Saturday, 28 November 2026". */
export function longDay(day: string): string {
  const ms = toUtc(day);
  if (Number.isNaN(ms)) return day;
  return LONG_DAY.format(new Date(ms));
}

/**
 * The search a preset stands for: its order-date range replaces any other order-date filter, so a shared or
 * saved link with `datePreset=7d` always means the seven days up to the day it is opened.
 */
export function applyDatePreset<Q extends { ingramOrderDate?: string; "ingramOrderDate-bt"?: string[] }>(
  query: Q,
  preset: DatePreset | undefined,
  now: Date,
  tz: string,
): Q {
  if (!preset) return query;
  return { ...query, ingramOrderDate: undefined, "ingramOrderDate-bt": presetRange(preset, now, tz) };
}
