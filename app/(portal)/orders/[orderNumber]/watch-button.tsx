"use client";
import { useState } from "react";
import { apiFetch } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";

/** "Watch this order": its status changes reach the bell (and e-mail, when the portal has an SMTP server). */
export function WatchButton({ orderNumber, initial }: { orderNumber: string; initial: boolean }) {
  const [watching, setWatching] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = async () => {
    setBusy(true);
    setError(null);
    const res = await apiFetch<{ watching: boolean }>(`/api/orders/${encodeURIComponent(orderNumber)}/watch`, {
      method: watching ? "DELETE" : "PUT",
    });
    setBusy(false);
    if (res.ok) setWatching(res.data.watching);
    else setError(res.error.message);
  };

  return (
    <span className="watch">
      <Button disabled={busy} onClick={() => void toggle()} data-testid="watch-button">
        {watching ? "Stop watching" : "Watch this order"}
      </Button>
      {error ? (
        <span role="alert" className="error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
