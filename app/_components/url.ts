export type ParamValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type ParamRecord = Record<string, ParamValue>;

/** Serializes params the way Ingram expects arrays: repeated keys, empty values dropped. */
export function toSearchParams(params: ParamRecord): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    if (Array.isArray(value)) {
      for (const v of value) if (v !== "" && v !== undefined && v !== null) out.append(key, String(v));
    } else {
      out.append(key, String(value));
    }
  }
  return out;
}

export function hrefWith(pathname: string, params: ParamRecord, overrides: ParamRecord = {}): string {
  const qs = toSearchParams({ ...params, ...overrides }).toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** Next's searchParams value → a plain record (first value for scalars is the caller's choice). */
export type RawSearchParams = Record<string, string | string[] | undefined>;

export function firstParam(raw: RawSearchParams, key: string): string | undefined {
  const v = raw[key];
  return Array.isArray(v) ? v[0] : v;
}
