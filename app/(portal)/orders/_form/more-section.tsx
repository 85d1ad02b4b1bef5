"use client";

import { Suspense, useState, type ReactNode } from "react";

/**
 * A collapsed part of a form (native <details>, no script needed to open it). It is forced open while one of
 * its fields has an error, so an error is never hidden in a closed section. Its body is first rendered when it
 * opens, so a lazy body (React's lazy) costs nothing until someone needs it, and shows "Loading…" meanwhile;
 * once open it stays mounted.
 */
export function MoreSection({
  title,
  summary,
  hasError,
  children,
  testId,
}: {
  title: string;
  /** What is filled in, shown beside the title while closed. */
  summary?: string;
  hasError?: boolean;
  children: ReactNode;
  testId?: string;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="more-section"
      open={hasError ? true : undefined}
      data-testid={testId}
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>
        {title}
        {summary ? <span className="subtle"> · {summary}</span> : null}
        {hasError ? <span style={{ color: "var(--danger)" }}> · needs attention</span> : null}
      </summary>
      <div className="more-section-body">
        {opened || hasError ? <Suspense fallback={<p className="subtle">Loading…</p>}>{children}</Suspense> : null}
      </div>
    </details>
  );
}
