"use client";

import { isRetryable, type ApiError } from "@/app/_components/api-fetch";
import { ErrorPanel } from "@/app/_components/error-panel";
import { RetryButton } from "@/app/_components/retry-button";

/** What stopped a create: Ingram's or our refusal, and the field errors no visible field shows. */
export function SubmitProblems({ failure, loose }: { failure: ApiError | null; loose: string[] }) {
  return (
    <div aria-live="polite">
      {failure ? (
        <ErrorPanel
          title={failure.code.startsWith("upstream_") ? "Ingram Micro refused the order" : "The order was not created"}
          message={failure.message}
          correlationId={failure.correlationId}
          retry={false}
        >
          {isRetryable(failure) ? (
            <div className="stack" style={{ gap: 8 }}>
              <p>Submitting again re-sends the same request; Ingram will not get a second order.</p>
              <RetryButton key={failure.correlationId} submit afterSeconds={failure.retryAfterSeconds} />
            </div>
          ) : undefined}
        </ErrorPanel>
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
