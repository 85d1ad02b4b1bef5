// A diff in a buyer's words: one summary line ("Added 2 lines (CISCO C9200-24T ×3, …); changed ship-to city")
// and the few facts of an added or removed line a buyer knows. Pure; the raw diff stays available beside it.
import type { FieldChange, LineChange, OrderDiff } from "@/lib/audit/types";

export interface LineFacts {
  line: string;
  vendor: string | null;
  part: string | null;
  vendorPart: string | null;
  description: string | null;
  quantity: string | null;
  unitPrice: string | null;
}

const VERBS: Record<string, string> = { "order.release": "Released", "order.cancel": "Cancelled" };
const GROUPS: Record<string, string> = {
  shipToInfo: "ship-to",
  billToInfo: "bill-to",
  endUserInfo: "end user",
  resellerInfo: "reseller",
  shipmentDetails: "shipment",
};
const NAMES: Record<string, string> = {
  orderStatus: "status",
  customerOrderNumber: "customer PO",
  endCustomerOrderNumber: "end customer PO",
  quantityOrdered: "quantity",
  additionalAttributes: "attributes",
  miscellaneousCharges: "charges",
};
/** Figures that follow from the lines; named only when no line changed. */
const DERIVED = /^(orderTotal|orderSubTotal|totalTax|totalWeight|totalFees|freightCharges)$/;
const LINE_DERIVED = /^(extendedPrice|extendedUnitPrice|taxAmount)$/;
const SHOWN = 3;

const words = (key: string) =>
  NAMES[key] ??
  key
    .replace(/([a-z])([A-Z0-9])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();

/** "shipToInfo.city" → "ship-to city"; "additionalAttributes.0.attributeValue" → "attributes". */
export function fieldLabel(path: string): string {
  const parts = path.split(".").filter((p) => !/^\d+$/.test(p));
  const [head, ...rest] = parts;
  if (!head) return path;
  if (head in NAMES) return NAMES[head]!;
  if (GROUPS[head]) return rest.length ? `${GROUPS[head]} ${words(rest.join(" "))}` : GROUPS[head]!;
  return words(head);
}

const text = (v: unknown) => (v === null || v === undefined || v === "" ? null : String(v));

/** The buyer-facing facts of a line, from the side of the change that has it (after for added, else before). */
export function lineFacts(change: LineChange): LineFacts {
  const side = new Map<string, unknown>(
    change.fields.map((f) => [f.path, change.change === "removed" ? f.before : f.after]),
  );
  const get = (...keys: string[]) => text(keys.map((k) => side.get(k)).find((v) => text(v) !== null));
  return {
    line: get("ingramOrderLineNumber", "ingramLineNumber", "customerLineNumber") ?? change.key,
    vendor: get("vendorName"),
    part: get("ingramPartNumber"),
    vendorPart: get("vendorPartNumber"),
    description: get("partDescription", "description"),
    quantity: get("quantityOrdered", "quantity"),
    unitPrice: get("unitPrice"),
  };
}

function lineName(f: LineFacts): string {
  const what = [f.vendor, f.vendorPart ?? f.part].filter(Boolean).join(" ") || `line ${f.line}`;
  return f.quantity ? `${what} ×${f.quantity}` : what;
}

function listed(items: string[]): string {
  return items.length > SHOWN ? `${items.slice(0, SHOWN).join(", ")}, …` : items.join(", ");
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

const isQuantity = (path: string) => path === "quantityOrdered" || path === "quantity";

/** "line 002 quantity 1 → 3": what was asked for, not what followed from it (confirmed and shipped quantities, totals). */
function changedLine(l: LineChange): string {
  const asked = l.fields.some((f) => isQuantity(f.path));
  const own = l.fields.filter(
    (f) => !LINE_DERIVED.test(f.path) && !(asked && !isQuantity(f.path) && /quantity/i.test(f.path)),
  );
  const byLabel = new Map<string, FieldChange>();
  for (const f of own.length ? own : l.fields) if (!byLabel.has(fieldLabel(f.path))) byLabel.set(fieldLabel(f.path), f);
  const figures = /^(quantity|unit price)$/;
  const what = [...byLabel]
    .sort(([a], [b]) => Number(figures.test(b)) - Number(figures.test(a)))
    .map(([label, f]) => (figures.test(label) ? `${label} ${text(f.before) ?? "—"} → ${text(f.after) ?? "—"}` : label));
  return `line ${l.key} ${listed(what)}`;
}

function headerLabels(fields: FieldChange[], skipDerived: boolean): string[] {
  const labels = new Set<string>();
  for (const f of fields) {
    if (skipDerived && DERIVED.test(f.path.split(".")[0]!)) continue;
    labels.add(fieldLabel(f.path));
  }
  return [...labels];
}

/** One plain sentence for an event's before/after; "" when nothing changed and the action has no verb. */
export function diffSummary(action: string, diff: OrderDiff): string {
  const added = diff.lines.filter((l) => l.change === "added").map((l) => lineName(lineFacts(l)));
  const removed = diff.lines.filter((l) => l.change === "removed").map((l) => lineName(lineFacts(l)));
  const changed = diff.lines.filter((l) => l.change === "changed");
  const verb = VERBS[action];
  const parts: string[] = verb ? [verb] : [];
  if (added.length) parts.push(`added ${plural(added.length, "line")} (${listed(added)})`);
  if (removed.length) parts.push(`removed ${plural(removed.length, "line")} (${listed(removed)})`);
  // A release or cancel names itself: the status, hold flag and line states it changed say nothing more.
  if (verb) return [verb, ...parts.slice(1)].join("; ");
  if (changed.length) parts.push(`changed ${listed(changed.map(changedLine))}`);
  const status = diff.fields.find((f) => f.path === "orderStatus");
  if (status) parts.push(`status ${text(status.before) ?? "—"} → ${text(status.after) ?? "—"}`);
  const rest = headerLabels(diff.fields, diff.lines.length > 0).filter((h) => h !== "status");
  if (rest.length) parts.push(`changed ${listed(rest)}`);
  const sentence = parts.join("; ");
  return sentence ? sentence[0]!.toUpperCase() + sentence.slice(1) : "";
}
