// Ingram's line rejection codes in a buyer's words. Ingram sends a code and a padded reason on each rejected
// line (CONTRACT.md §sample data: EN "SKU-NOTFOUND    XXXXXX", EQ "ERROR-INVALID-QTY", EL "ERROR-LINE-NOT-FOUND"),
// and a v7 failure webhook sends the same reasons as text. The raw text is always kept beside the words, so
// support can still quote Ingram. Pure and import-free: forms and server pages share it.

export interface RejectionWords {
  /** What happened, in plain words. */
  words: string;
  /** Ingram's reason and code exactly as they reached us (whitespace collapsed); null when it gave none. */
  raw: string | null;
}

interface Rule {
  /** Matches Ingram's reason text (upper-cased) or its one- or two-letter code. */
  reason: RegExp;
  code?: string;
  words: (subject: string | null) => string;
}

const RULES: readonly Rule[] = [
  {
    reason: /SKU-?NOT-?FOUND/,
    code: "EN",
    words: (pn) => (pn ? `Ingram does not know the part number ${pn}` : "Ingram does not know this part number"),
  },
  { reason: /INVALID-?QTY|INVALID QUANTITY/, code: "EQ", words: () => "Ingram does not accept this quantity" },
  {
    reason: /LINE-?NOT-?FOUND/,
    code: "EL",
    words: () => "The order has no line with this number at Ingram (it may have been removed already)",
  },
  { reason: /QUOTE NOT FOUND/, words: () => "Ingram does not know this quote, or it can no longer be ordered" },
  { reason: /DUPLICATE/, words: () => "Ingram already has an order with this customer PO" },
];

/** The subject Ingram names after the reason ("SKU-NOTFOUND    XXXXXX" → XXXXXX), when there is one. */
function subjectOf(reason: string): string | null {
  const m = /NOT-?FOUND\s+([A-Za-z0-9][\w./-]*)/i.exec(reason);
  return m?.[1] ?? null;
}

/**
 * "SKU-NOTFOUND XXXXXX (EN)" (the portal's stored form: reason, then the code in brackets), a bare reason, or
 * a bare code. Unknown text keeps Ingram's words as they are: nothing is invented.
 */
export function describeRejection(text: string | null | undefined): RejectionWords {
  const raw = text?.replace(/\s+/g, " ").trim() || null;
  if (!raw) return { words: "Ingram Micro rejected this line without a reason", raw: null };
  const coded = /^(.*?)\s*\(([A-Z]{1,3})\)$/.exec(raw);
  const reason = (coded ? coded[1] : raw) ?? "";
  const code = coded?.[2] ?? (/^[A-Z]{2}$/.test(raw) ? raw : undefined);
  const upper = reason.toUpperCase();
  const rule = RULES.find((r) => reason !== "" && r.reason.test(upper)) ?? RULES.find((r) => code && r.code === code);
  if (!rule) return { words: raw, raw };
  return { words: rule.words(subjectOf(reason)), raw };
}
