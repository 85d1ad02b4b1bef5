// Order lines pasted from a spreadsheet: part, quantity and (optional) unit price per row, separated by tabs
// (what Excel and Google Sheets copy), commas or semicolons. Pure and zod-free: it runs in the browser, loaded
// only when the paste panel opens. Its rules mirror the create schema's (lib/validation/order-lines.ts), so a
// row accepted here is not refused by the server for its part, quantity or price.

import { MAX_ORDER_LINES } from "@/lib/validation/order-limits";

export type PastedField = "part" | "quantity" | "price" | "row";

export interface PastedLine {
  ingramPartNumber: string;
  quantity: string;
  unitPrice: string;
}

export interface RejectedRow {
  /** 1-based, counting the non-blank rows of the text as given (a skipped header row counts). */
  row: number;
  text: string;
  errors: { field: PastedField; message: string }[];
}

export interface PasteResult {
  lines: PastedLine[];
  rejected: RejectedRow[];
  headerSkipped: boolean;
}

export const FIELD_LABELS: Record<PastedField, string> = {
  part: "Part number",
  quantity: "Quantity",
  price: "Unit price",
  row: "Row",
};

const PART = /^[A-Za-z0-9/._-]{1,18}$/;
const HEADER_WORDS: Record<Exclude<PastedField, "row">, RegExp> = {
  part: /^(ingram\s*)?(part|sku|item|product)(\s*(number|no\.?|#|id))?$/i,
  quantity: /^(qty|quantity|qté|menge|count|units?)$/i,
  price: /^(unit\s*)?(price|cost)(\s*\(.*\))?$/i,
};

function splitCells(row: string): string[] {
  const sep = row.includes("\t") ? "\t" : row.includes(";") ? ";" : ",";
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '"' && (quoted || cell.trim() === "")) {
      if (quoted && row[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === sep && !quoted) {
      cells.push(cell.trim());
      cell = "";
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** Column positions from a header row, or null when the row is data. */
function headerColumns(cells: string[]): Record<Exclude<PastedField, "row">, number> | null {
  const find = (f: keyof typeof HEADER_WORDS) => cells.findIndex((c) => HEADER_WORDS[f].test(c));
  const part = find("part");
  const quantity = find("quantity");
  if (part < 0 && quantity < 0) return null;
  return { part: part < 0 ? 0 : part, quantity: quantity < 0 ? 1 : quantity, price: find("price") };
}

/** "$1,234.50", "1 234,50 €" and "1234.5" read as 1234.50; null when it is not an amount. */
function readPrice(raw: string): string | null {
  let s = raw.replace(/[\s$€£¥]|USD|EUR|GBP|CAD|AUD/gi, "");
  if (/^\d{1,3}(\.\d{3})+,\d{1,4}$/.test(s) || /^\d+,\d{1,2}$/.test(s)) s = s.replace(/\./g, "").replace(",", ".");
  else s = s.replace(/,(?=\d{3}(\D|$))/g, "");
  return /^\d{1,9}(\.\d{1,4})?$/.test(s) ? s : null;
}

function readRow(cells: string[], cols: Record<Exclude<PastedField, "row">, number>) {
  const errors: RejectedRow["errors"] = [];
  const part = (cells[cols.part] ?? "").toUpperCase();
  const qty = (cells[cols.quantity] ?? "").replace(/[\s,]/g, "");
  const priceRaw = cols.price >= 0 ? (cells[cols.price] ?? "") : "";
  if (!part) errors.push({ field: "part", message: "Part number is missing." });
  else if (!PART.test(part))
    errors.push({
      field: "part",
      message: `Part number "${part}" may contain only letters, digits and - _ . / (at most 18).`,
    });
  if (!qty) errors.push({ field: "quantity", message: "Quantity is missing." });
  else if (!/^\d{1,9}$/.test(qty) || Number(qty) < 1 || Number(qty) > 9999)
    errors.push({ field: "quantity", message: `Quantity "${qty}" must be a whole number from 1 to 9999.` });
  const price = priceRaw === "" ? "" : readPrice(priceRaw);
  if (price === null)
    errors.push({ field: "price", message: `Unit price "${priceRaw}" must be an amount such as 129.90.` });
  return { errors, line: { ingramPartNumber: part, quantity: String(Number(qty)), unitPrice: price ?? "" } };
}

/**
 * Reads pasted rows. Blank rows are ignored; a first row naming its columns (Part, Qty, Price in any order) is
 * skipped and sets the column order; rows past `room` (the lines the order can still take) are refused.
 */
export function parsePastedLines(text: string, room = MAX_ORDER_LINES): PasteResult {
  const rows = text.split(/\r\n|\n|\r/).filter((r) => r.trim() !== "");
  const result: PasteResult = { lines: [], rejected: [], headerSkipped: false };
  let cols = headerColumns(rows.length ? splitCells(rows[0]!) : []);
  if (cols) result.headerSkipped = true;
  cols ??= { part: 0, quantity: 1, price: 2 };
  rows.forEach((text, i) => {
    if (i === 0 && result.headerSkipped) return;
    const { errors, line } = readRow(splitCells(text), cols);
    if (!errors.length && result.lines.length >= room)
      errors.push({ field: "row", message: `The order is full: it takes at most ${MAX_ORDER_LINES} lines.` });
    if (errors.length) result.rejected.push({ row: i + 1, text, errors });
    else result.lines.push(line);
  });
  return result;
}
