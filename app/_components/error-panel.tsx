import type { ReactNode } from "react";
import { RetryButton } from "./retry-button";

export interface ErrorPanelProps {
  title?: string;
  message: string;
  correlationId?: string | null;
  /** Seconds the server asked to wait (Retry-After) before the Retry button may run. */
  retryAfterSeconds?: number;
  /** false for an answer a retry cannot change (no permission, not found); the Retry button is left out. */
  retry?: boolean;
  /** Replaces the default Retry (a client component's own retry, e.g. an error boundary's). */
  children?: ReactNode;
}

/**
 * A user-facing error: a plain message, the correlation id support can look up, and a Retry that re-reads the
 * page's data once the server's Retry-After has passed. Never internals.
 */
export function ErrorPanel({
  title = "Something went wrong",
  message,
  correlationId,
  retryAfterSeconds,
  retry = true,
  children,
}: ErrorPanelProps) {
  const actions =
    children ?? (retry ? <RetryButton key={correlationId ?? undefined} afterSeconds={retryAfterSeconds} /> : null);
  return (
    <div className="panel panel-error" role="alert">
      <h2>{title}</h2>
      <p>{message}</p>
      {correlationId ? (
        <p className="subtle" style={{ color: "inherit", marginTop: 6 }}>
          Correlation id: <code>{correlationId}</code>
        </p>
      ) : null}
      {actions ? <div style={{ marginTop: 10 }}>{actions}</div> : null}
    </div>
  );
}
