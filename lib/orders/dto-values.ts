// Value readers shared by the DTO mappers: Ingram sends numbers as strings, nulls anywhere, one object where
// an array belongs, and several status vocabularies (CONTRACT §8, §9.3).
import type { OrderState, Status } from "./dto-types";

export type Maybe<T> = T | null | undefined;

const STATE_BY_KEY: Record<string, OrderState> = {
  open: "open",
  processing: "processing",
  "in progress": "processing",
  inprogress: "processing",
  "on hold": "on_hold",
  onhold: "on_hold",
  hold: "on_hold",
  backordered: "backordered",
  "back ordered": "backordered",
  shipped: "shipped",
  "partially shipped": "partially_shipped",
  partially_shipped: "partially_shipped",
  delivered: "delivered",
  invoiced: "invoiced",
  closed: "closed",
  cancelled: "cancelled",
  canceled: "cancelled",
  voided: "cancelled",
  void: "cancelled",
};

const LABEL: Record<OrderState, string> = {
  open: "Open",
  processing: "Processing",
  on_hold: "On hold",
  backordered: "Backordered",
  shipped: "Shipped",
  partially_shipped: "Partially shipped",
  delivered: "Delivered",
  invoiced: "Invoiced",
  closed: "Closed",
  cancelled: "Cancelled",
  unknown: "Unknown",
};

/** Case-insensitive, strips `im::` and `order_` prefixes (`IM::order_hold`, `ON HOLD`, `On Hold` → on_hold). */
export function toStatus(raw: Maybe<string>): Status {
  const text = typeof raw === "string" ? raw.trim() : "";
  const key = text
    .toLowerCase()
    .replace(/^im::/, "")
    .replace(/^order_/, "")
    .replace(/_/g, " ")
    .replace(/\s+/g, " ");
  const state = STATE_BY_KEY[key] ?? STATE_BY_KEY[key.replace(/ /g, "")] ?? "unknown";
  return { state, label: state === "unknown" && text ? text : LABEL[state], raw: text || null };
}

export function statusLabel(state: OrderState): string {
  return LABEL[state];
}

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
  return m ? m[1] : s;
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
