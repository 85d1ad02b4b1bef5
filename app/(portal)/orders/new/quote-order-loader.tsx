"use client";

import dynamic from "next/dynamic";

// The quote form is only shown at ?from=quote: loaded there, not with every visit to the part-number form.
export const QuoteOrderForm = dynamic(() => import("./quote-order-form").then((m) => m.QuoteOrderForm), {
  loading: () => <p className="subtle">Loading…</p>,
});
