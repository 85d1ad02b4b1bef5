/*
 * Request bodies leave without empty nested objects (CONTRACT §9.14: an empty `endUserInfo {}` is refused
 * upstream). Removed: null/undefined properties, nested objects with nothing left but empty strings, and
 * arrays left empty. The top-level object itself is kept (a release sends `{}`).
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isBlankObject(o: Record<string, Json>): boolean {
  return Object.values(o).every((v) => v === "");
}

function pruneValue(v: unknown): Json | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    const items = v.map(pruneValue).filter((x): x is Json => x !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof v === "object") {
    const out = pruneObject(v as Record<string, unknown>);
    return isBlankObject(out) ? undefined : out;
  }
  return v as Json;
}

function pruneObject(o: Record<string, unknown>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(o)) {
    const p = pruneValue(v);
    if (p !== undefined) out[k] = p;
  }
  return out;
}

export function pruneEmpty<T extends object>(body: T): Partial<T> {
  return pruneObject(body as Record<string, unknown>) as Partial<T>;
}
