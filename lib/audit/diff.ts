// Pure before/after comparison of two orders as Ingram returned them (order details or a modify reply).
import type { FieldChange, LineChange, OrderDiff } from "@/lib/audit/types";

type Obj = Record<string, unknown>;

const LINE_KEYS = ["ingramOrderLineNumber", "ingramLineNumber", "customerLineNumber"] as const;

function isObj(v: unknown): v is Obj {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

/** Leaves of a JSON value as dotted paths ("shipToInfo.city", "additionalAttributes.0.attributeValue"). */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(value)) {
    if (value.length === 0 && prefix) out.set(prefix, []);
    value.forEach((v, i) => flatten(v, prefix ? `${prefix}.${i}` : String(i), out));
  } else if (isObj(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix) out.set(prefix, {});
    for (const k of keys) flatten(value[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined && value !== null && prefix) {
    out.set(prefix, value);
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Missing, null, [] and {} all mean "nothing there" (Ingram adds `additionalAttributes: []` to some replies). */
function absent(v: unknown): boolean {
  return (
    v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0)
  );
}

/** Changed leaves between two values; missing, null, empty array and empty object count as the same (absent). */
export function diffValues(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before, "", new Map());
  const b = flatten(after, "", new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const x = a.has(path) ? a.get(path) : null;
    const y = b.has(path) ? b.get(path) : null;
    if (absent(x) && absent(y)) continue;
    if (!same(x, y)) changes.push({ path, before: x, after: y });
  }
  return changes;
}

function lineKey(line: unknown, index: number): string {
  if (isObj(line)) {
    for (const k of LINE_KEYS) {
      const v = line[k];
      if ((typeof v === "string" && v.trim() !== "") || typeof v === "number") return String(v);
    }
  }
  return `#${index}`;
}

function keyed(lines: unknown): Map<string, unknown> {
  const map = new Map<string, unknown>();
  if (!Array.isArray(lines)) return map;
  lines.forEach((line, i) => {
    let key = lineKey(line, i);
    if (map.has(key)) key = `${key}#${i}`;
    map.set(key, line);
  });
  return map;
}

/**
 * What changed between two orders: header fields (dotted paths, `lines` excluded) and lines matched by Ingram
 * line number (else customer line number, else position). Non-object inputs count as empty orders.
 */
export function diffOrders(before: unknown, after: unknown): OrderDiff {
  const { lines: beforeLines, ...beforeHeader } = isObj(before) ? before : ({} as Obj);
  const { lines: afterLines, ...afterHeader } = isObj(after) ? after : ({} as Obj);
  const fields = diffValues(beforeHeader, afterHeader);
  const a = keyed(beforeLines);
  const b = keyed(afterLines);
  const lines: LineChange[] = [];
  for (const [key, line] of a) {
    if (!b.has(key)) lines.push({ key, change: "removed", fields: diffValues(line, null) });
    else {
      const changed = diffValues(line, b.get(key));
      if (changed.length) lines.push({ key, change: "changed", fields: changed });
    }
  }
  for (const [key, line] of b) {
    if (!a.has(key)) lines.push({ key, change: "added", fields: diffValues(null, line) });
  }
  return { fields, lines };
}
