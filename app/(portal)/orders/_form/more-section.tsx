"use client";

import type { ReactNode } from "react";

/**
 * A collapsed part of a form (native <details>, no script needed to open it). It is forced open while one of
 * its fields has an error, so an error is never hidden in a closed section.
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
  return (
    <details className="more-section" open={hasError ? true : undefined} data-testid={testId}>
      <summary>
        {title}
        {summary ? <span className="subtle"> · {summary}</span> : null}
        {hasError ? <span style={{ color: "var(--danger)" }}> · needs attention</span> : null}
      </summary>
      <div className="more-section-body">{children}</div>
    </details>
  );
}
