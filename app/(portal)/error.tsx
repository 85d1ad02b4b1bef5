"use client";

import { ErrorPanel } from "@/app/_components/error-panel";
import { RetryButton } from "@/app/_components/retry-button";

/**
 * Never shows internals: a generic message, and the digest Next gives us as the id support can match in logs.
 * Retry re-fetches the segment's server data and renders it again (Next's retry(), not reset(): a failed read
 * needs new data, not only a re-render).
 */
export default function PortalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const correlationId = (error as { correlationId?: unknown }).correlationId;
  return (
    <div className="stack" style={{ maxWidth: 640 }}>
      <ErrorPanel
        title="This page could not be shown"
        message="Something went wrong on our side. Try again; if it keeps happening, quote the id below to support."
        correlationId={typeof correlationId === "string" ? correlationId : (error.digest ?? null)}
      >
        <RetryButton onRetry={retry} />
      </ErrorPanel>
    </div>
  );
}
