// Display formatting shared by pages; en-US with explicit currency so amounts never look ambiguous.

// Each Intl formatter is built once (per currency code the runtime knows: an unknown code throws and is not
// kept): building one costs far more than formatting, and a list page formats every row's amount.
const PLAIN_AMOUNT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PLAIN_NUMBER = new Intl.NumberFormat("en-US");
const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(currency: string): Intl.NumberFormat {
  let f = moneyFormats.get(currency);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { style: "currency", currency, currencyDisplay: "code" });
    moneyFormats.set(currency, f);
  }
  return f;
}

export function formatMoney(amount: number | null | undefined, currency?: string | null): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return "—";
  if (!currency) return PLAIN_AMOUNT.format(amount);
  try {
    return moneyFormat(currency)
      .format(amount)
      .replace(/\u00a0/g, " ");
  } catch {
    return `${currency} ${amount.toFixed(2)}`;
  }
}

/** Dates as yyyy-MM-dd (the format Ingram filters use); date-times add HH:mm in UTC. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "—";
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toISOString().slice(0, 10);
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : PLAIN_NUMBER.format(n);
}

export function dash(value: string | null | undefined): string {
  return value && value.trim() ? value : "—";
}

/** How long ago `value` was, relative to `now`, in words: "12 s ago", "5 min ago", "3 h ago", "2 d ago". */
export function formatAge(value: string | Date | null | undefined, now = Date.now()): string {
  if (!value) return "never";
  const t = (value instanceof Date ? value : new Date(value)).getTime();
  if (Number.isNaN(t)) return "at an unknown time";
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 120) return `${s} s ago`;
  if (s < 7200) return `${Math.round(s / 60)} min ago`;
  if (s < 172_800) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} d ago`;
}
