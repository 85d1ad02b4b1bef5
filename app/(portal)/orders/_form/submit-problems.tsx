"use client";

import { lazy, Suspense } from "react";
import type { ApiError } from "@/app/_components/api-fetch";

// Loaded when a submission fails, not with the form (first-load JS is capped at 150 KB).
const SubmitFailure = lazy(() => import("./submit-failure").then((m) => ({ default: m.SubmitFailure })));

/** What stopped a create: Ingram's or our refusal, and the field errors no visible field shows. */
export function SubmitProblems({ failure, loose }: { failure: ApiError | null; loose: string[] }) {
  return (
    <div aria-live="polite">
      {failure ? (
        <Suspense fallback={null}>
          <SubmitFailure
            failure={failure}
            title={
              failure.code.startsWith("upstream_") ? "Ingram Micro refused the order" : "The order was not created"
            }
            retryNote="Submitting again re-sends the same request; Ingram will not get a second order."
          />
        </Suspense>
      ) : null}
      {loose.length ? (
        <ul className="panel panel-error" style={{ paddingLeft: 28 }}>
          {loose.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
