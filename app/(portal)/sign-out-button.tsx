"use client";

import { signOut } from "@/app/_components/sign-out";
import { useState } from "react";
import { Button } from "@/app/_components/button";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="sm"
      variant="ghost"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl: "/login" });
      }}
    >
      {busy ? "Signing out…" : "Sign out"}
    </Button>
  );
}
