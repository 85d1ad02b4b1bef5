"use client";

import { signOut } from "@/app/_components/sign-out";
import { useState } from "react";
import { apiFetch } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";

export function SignOutEverywhere() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        variant="danger"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const res = await apiFetch("/api/account/sessions", { method: "DELETE" });
          if (!res.ok) {
            setError(res.error.message);
            setBusy(false);
            return;
          }
          await signOut({ callbackUrl: "/login" });
        }}
      >
        {busy ? "Signing out everywhere…" : "Sign out everywhere"}
      </Button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
