// "Resend rejected lines": the lines Ingram refused travel to /orders/new in its URL (line=PART*QTY, repeated),
// so the new order starts with them and the buyer corrects and sends them. The URL is only a pre-fill: the
// create handler validates everything as for any typed line. Pure.
import type { LineResult } from "@/lib/orders/dto-types";

export interface PrefillLine {
  ingramPartNumber: string;
  quantity: string;
}

/** More than a page of lines is not a pre-fill anyone reviews; Ingram's own lines cap is far above it. */
const MAX_LINES = 100;
const PART = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,29}$/;

/** The /orders/new link for a result's rejected lines; null when there is nothing to resend. */
export function resendHref(lines: readonly LineResult[]): string | null {
  const q = new URLSearchParams();
  for (const l of lines) {
    const pn = l.ingramPartNumber?.trim();
    if (l.result !== "rejected" || !pn || !PART.test(pn)) continue;
    q.append("line", `${pn}*${l.quantity && l.quantity > 0 ? l.quantity : 1}`);
  }
  return q.size ? `/orders/new?${q.toString()}` : null;
}

/** The lines a `line=` query asks for; anything unreadable is skipped, never guessed. */
export function prefillLines(raw: string | string[] | undefined): PrefillLine[] {
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const out: PrefillLine[] = [];
  for (const v of values.slice(0, MAX_LINES)) {
    const m = /^([^*]+)\*(\d{1,6})$/.exec(v.trim());
    const pn = (m?.[1] ?? v).trim();
    if (!PART.test(pn)) continue;
    const qty = m && Number(m[2]) > 0 ? String(Number(m[2])) : "1";
    out.push({ ingramPartNumber: pn, quantity: qty });
  }
  return out;
}
