"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, type ApiError } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";

/** One live Ingram search of the current filters (`query`, the page's own query string), then a re-render. */
export function RefreshButton({ query }: { query: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function refresh() {
    setBusy(true);
    setError(null);
    setDone(null);
    const res = await apiFetch<{ result: { written: number } }>(`/api/orders/refresh${query ? `?${query}` : ""}`, {
      method: "POST",
    });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setDone(`${res.data.result.written} ${res.data.result.written === 1 ? "order" : "orders"} updated from Ingram.`);
    router.refresh();
  }

  return (
    <span className="row" style={{ gap: 8 }}>
      <Button onClick={() => void refresh()} disabled={busy} aria-busy={busy}>
        {busy ? "Refreshing…" : "Refresh from Ingram"}
      </Button>
      <span aria-live="polite" className="subtle">
        {error ? (
          <span className="error" role="alert">
            Refresh failed: {error.message}
          </span>
        ) : (
          done
        )}
      </span>
    </span>
  );
}
