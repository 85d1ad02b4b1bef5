"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch, type ApiError } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";
import { VIEW_NAME_MAX } from "@/lib/validation/view-constants";
import type { ViewItem } from "./saved-views";

export interface SavedViewsPanelProps {
  views: ViewItem[];
  /** The list's current query, stored by "Save". */
  query: string;
  /** Closes the panel: opening a view navigates on the client, and the panel would stay open over the new list. */
  close: () => void;
}

/**
 * The open "Saved views" panel (loaded on first open by saved-views.tsx): the user's views (each a link to the
 * list's URL, so it can be shared), Delete, and "Save this view", which stores the current query (filters,
 * sort, columns, density, date preset) under a name.
 */
export function SavedViewsPanel({ views, query, close }: SavedViewsPanelProps) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<ViewItem | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    const res = await apiFetch<{ view: ViewItem }>("/api/views", { method: "POST", body: { name, query } });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setSaved(res.data.view);
    setName("");
    router.refresh();
  }

  async function remove(v: ViewItem) {
    setError(null);
    setSaved(null);
    const res = await apiFetch(`/api/views/${encodeURIComponent(v.id)}`, { method: "DELETE" });
    if (!res.ok) return setError(res.error);
    router.refresh();
  }

  const nameError = error?.fields?.name;
  return (
    <>
      {views.length ? (
        <ul aria-label="Your saved views">
          {views.map((v) => (
            <li key={v.id}>
              <Link href={v.href} onClick={close}>
                {v.name}
              </Link>
              <Button
                size="sm"
                variant="ghost-danger"
                onClick={() => void remove(v)}
                aria-label={`Delete view ${v.name}`}
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="subtle">No saved views yet.</p>
      )}
      <form onSubmit={save} className="saved-views-form" aria-label="Save this view">
        <label htmlFor="save-view-name">Save this view as</label>
        <div className="row" style={{ gap: 6 }}>
          <input
            id="save-view-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={VIEW_NAME_MAX}
            required
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "save-view-name-error" : undefined}
          />
          <Button type="submit" variant="primary" disabled={busy} aria-busy={busy}>
            {busy ? "Saving…" : "Save"}
          </Button>
        </div>
        <span aria-live="polite">
          {error ? (
            <span id="save-view-name-error" className="error" role="alert">
              {nameError ?? error.fields?.query ?? error.message}
            </span>
          ) : saved ? (
            <span className="subtle">
              Saved “{saved.name}”:{" "}
              <Link href={saved.href} onClick={close}>
                open its link
              </Link>
            </span>
          ) : null}
        </span>
      </form>
    </>
  );
}
