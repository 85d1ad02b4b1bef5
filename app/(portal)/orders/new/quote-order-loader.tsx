"use client";

import { lazy, Suspense } from "react";

// The quote form is only shown at ?from=quote: loaded there, not with every visit to the part-number form.
// React's lazy rather than next/dynamic, whose own runtime would add 1.6 KB to the page.
const Form = lazy(() => import("./quote-order-form").then((m) => ({ default: m.QuoteOrderForm })));

export function QuoteOrderForm() {
  return (
    <Suspense fallback={<p className="subtle">Loading…</p>}>
      <Form />
    </Suspense>
  );
}
