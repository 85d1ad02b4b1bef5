import { isRetryable, type ApiError } from "@/app/_components/api-fetch";
import { ErrorPanel } from "@/app/_components/error-panel";
import { RetryButton } from "@/app/_components/retry-button";

export interface SubmitFailureProps {
  failure: ApiError;
  title: string;
  /** Said above Retry when the failure may be retried (e.g. that a retry cannot make a second order). */
  retryNote?: string;
}

/**
 * A refused submission: the server's message, its correlation id and, when a retry can help, a Retry that
 * re-submits the form once any Retry-After has passed. Loaded by the forms when a submission fails, not with
 * them (first-load JS is capped at 150 KB).
 */
export function SubmitFailure({ failure, title, retryNote }: SubmitFailureProps) {
  const retry = <RetryButton key={failure.correlationId} submit afterSeconds={failure.retryAfterSeconds} />;
  return (
    <ErrorPanel title={title} message={failure.message} correlationId={failure.correlationId} retry={false}>
      {isRetryable(failure) ? (
        retryNote ? (
          <div className="stack" style={{ gap: 8 }}>
            <p>{retryNote}</p>
            {retry}
          </div>
        ) : (
          retry
        )
      ) : undefined}
    </ErrorPanel>
  );
}
