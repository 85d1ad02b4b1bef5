"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "./button";
import { retryLabel } from "./retry-after";

export interface RetryButtonProps {
  /** The server's Retry-After, in seconds: the button stays disabled and counts down until then. */
  afterSeconds?: number;
  /** What a retry does; by default the page's server data is fetched again (router.refresh). */
  onRetry?: () => void;
  /** Inside a form: the button submits it again (the form keeps its idempotency key for the same payload). */
  submit?: boolean;
}

/**
 * Retry, honouring Retry-After: a countdown in the label, disabled until it may run. The wait is read once,
 * when the button mounts: give it a `key` per failure so a new failure starts a new countdown.
 */
export function RetryButton({ afterSeconds = 0, onRetry, submit }: RetryButtonProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [until] = useState(() => Date.now() + afterSeconds * 1000);
  const [left, setLeft] = useState(afterSeconds);

  useEffect(() => {
    if (until <= Date.now()) return;
    const t = window.setInterval(() => {
      const next = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(next);
      if (next === 0) window.clearInterval(t);
    }, 250);
    return () => window.clearInterval(t);
  }, [until]);

  return (
    <span className="row" style={{ gap: 8 }}>
      <Button
        data-testid="retry"
        type={submit ? "submit" : "button"}
        disabled={left > 0 || pending}
        aria-busy={pending || undefined}
        onClick={submit ? undefined : () => (onRetry ? onRetry() : startTransition(() => router.refresh()))}
      >
        {pending ? "Retrying…" : retryLabel(left)}
      </Button>
      {left > 0 ? (
        <span className="subtle" style={{ color: "inherit" }}>
          Ingram Micro asked us to wait before trying again.
        </span>
      ) : null}
    </span>
  );
}
