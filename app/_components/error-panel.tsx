import type { ReactNode } from "react";

export interface ErrorPanelProps {
  title?: string;
  message: string;
  correlationId?: string | null;
  children?: ReactNode;
}

/** A user-facing error: a plain message and the correlation id support can look up. Never internals. */
export function ErrorPanel({ title = "Something went wrong", message, correlationId, children }: ErrorPanelProps) {
  return (
    <div className="panel panel-error" role="alert">
      <h2>{title}</h2>
      <p>{message}</p>
      {correlationId ? (
        <p className="subtle" style={{ color: "inherit", marginTop: 6 }}>
          Correlation id: <code>{correlationId}</code>
        </p>
      ) : null}
      {children ? <div style={{ marginTop: 10 }}>{children}</div> : null}
    </div>
  );
}
