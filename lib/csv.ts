// CSV for the orders and audit exports: RFC 4180 quoting, CRLF line ends, spreadsheet formula injection
// neutralised. Pure.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell. Text starting with = + - @ (or tab / CR) is prefixed with a single quote so a spreadsheet shows it
 * as text instead of evaluating it (numbers stay numbers, negative ones too); then the cell is quoted when it
 * holds a quote, comma or line break.
 */
export function csvCell(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint") return String(value);
  let s: string;
  if (value === null || value === undefined) s = "";
  else if (value instanceof Date) s = value.toISOString();
  else if (typeof value === "object") s = JSON.stringify(value);
  else s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}
