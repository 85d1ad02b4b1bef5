"use client";

import { ErrorPanel } from "@/app/_components/error-panel";
import { Button } from "@/app/_components/button";

/** Never shows internals: a generic message, and the digest Next gives us as the id support can match in logs. */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const correlationId = (error as { correlationId?: unknown }).correlationId;
  return (
    <div className="stack" style={{ maxWidth: 640 }}>
      <ErrorPanel
        title="This page could not be shown"
        message="Something went wrong on our side. Try again; if it keeps happening, quote the id below to support."
        correlationId={typeof correlationId === "string" ? correlationId : (error.digest ?? null)}
      >
        <Button onClick={reset}>Try again</Button>
      </ErrorPanel>
    </div>
  );
}
