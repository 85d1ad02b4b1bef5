"use client";

import { lazy, Suspense, useRef, useState } from "react";

export interface ViewItem {
  id: string;
  name: string;
  href: string;
}

// The panel (views, Delete, "Save this view") is loaded when first opened, not with the list (first-load JS is
// capped at 150 KB). React's lazy rather than next/dynamic, whose own runtime would add more than this saves.
const SavedViewsPanel = lazy(() => import("./saved-views-panel").then((m) => ({ default: m.SavedViewsPanel })));

/**
 * The user's saved views behind a native <details> ("Saved views (n)"). Its panel is first rendered when it
 * opens, and then stays mounted (so a message it shows survives closing and reopening).
 */
export function SavedViews({ views, query }: { views: ViewItem[]; query: string }) {
  const panel = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="saved-views"
      ref={panel}
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary className="btn">Saved views{views.length ? ` (${views.length})` : ""}</summary>
      <div className="saved-views-panel card">
        {opened ? (
          <Suspense fallback={<p className="subtle">Loading…</p>}>
            <SavedViewsPanel views={views} query={query} close={() => panel.current?.removeAttribute("open")} />
          </Suspense>
        ) : null}
      </div>
    </details>
  );
}
