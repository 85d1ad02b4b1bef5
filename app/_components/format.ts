// Display formatting shared by pages; en-US with explicit currency so amounts never look ambiguous.
export function formatMoney(amount: number | null | undefined, currency?: string | null): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return "—";
  if (!currency) return amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  try {
    return amount
      .toLocaleString("en-US", { style: "currency", currency, currencyDisplay: "code" })
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
  return n === null || n === undefined ? "—" : n.toLocaleString("en-US");
}

export function dash(value: string | null | undefined): string {
  return value && value.trim() ? value : "—";
}

/** How long ago, in the largest whole unit: "40 s ago", "12 min ago", "3 h ago", "2 days ago". */
export function formatAgo(value: Date | null | undefined, now = Date.now()): string {
  if (!value) return "never";
  const s = Math.max(0, Math.round((now - value.getTime()) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 172_800) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} days ago`;
}
