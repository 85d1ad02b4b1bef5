"use client";

import { useState } from "react";
import { Button } from "./button";

/** Copies an absolute link to `path` (default: this page) and says so in a live region. */
export function CopyLinkButton({ path, label = "Copy link" }: { path?: string; label?: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    const url = new URL(path ?? window.location.pathname + window.location.search, window.location.origin).toString();
    try {
      await navigator.clipboard.writeText(url);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
    window.setTimeout(() => setStatus("idle"), 2500);
  }

  return (
    <span className="row" style={{ gap: 6 }}>
      <Button onClick={copy}>{label}</Button>
      <span aria-live="polite" className="subtle">
        {status === "copied"
          ? "Link copied"
          : status === "failed"
            ? "Could not copy; copy the address bar instead"
            : ""}
      </span>
    </span>
  );
}
