// The value readers every DTO mapper uses: Ingram sends numbers as strings, blanks for absent values, one
// object where an array belongs, and dates with or without a time. Pure.

export type Maybe<T> = T | null | undefined;

export function str(v: unknown): string | null {
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

export function num(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

export function list<T>(v: Maybe<T[] | T>): T[] {
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined);
  return v === null || v === undefined ? [] : [v];
}

/** `2021-05-20` and `2020-05-13T00:38:52-07:00` both read as the calendar date Ingram wrote. */
export function toDate(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(s);
  return m?.[1] ?? s;
}

/** Only http(s) links reach an href; anything else (javascript:, data:) is dropped. */
export function safeUrl(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  try {
    const u = new URL(s);
    return u.protocol === "https:" || u.protocol === "http:" ? u.toString() : null;
  } catch {
    return null;
  }
}
