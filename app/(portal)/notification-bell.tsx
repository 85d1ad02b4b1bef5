"use client";
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from "react";
import { apiFetch } from "@/app/_components/api-fetch";
import { subscribeLive } from "@/app/_components/live-events";
import type { NotificationItem as Item } from "./notification-panel";

// The panel is loaded on the bell's first opening, not with every portal page (first-load JS is capped).
// React's lazy rather than next/dynamic: next/dynamic's own runtime would add more to every page than this saves.
const NotificationPanel = lazy(() => import("./notification-panel").then((m) => ({ default: m.NotificationPanel })));

/**
 * The header's bell: the count of unread changes to watched orders, kept current from live events; opening
 * it shows the latest and "mark read" (notification-panel.tsx).
 */
export function NotificationBell() {
  const [data, setData] = useState<{ unread: number; items: Item[] } | null>(null);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  // Stable, so the open panel's document listeners are not re-added on every render.
  const close = useCallback(() => setOpen(false), []);

  const load = useCallback(async () => {
    const res = await apiFetch<{ unread: number; items: Item[] }>("/api/notifications");
    if (res.ok) setData(res.data);
  }, []);

  useEffect(() => {
    const first = setTimeout(() => void load(), 0);
    const unsubscribe = subscribeLive((event) => {
      if (event.type === "bell" || event.type === "resync") void load();
    });
    return () => {
      clearTimeout(first);
      unsubscribe();
    };
  }, [load]);

  const unread = data?.unread ?? 0;
  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
        data-testid="bell"
        onClick={() => setOpen((o) => !o)}
      >
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread ? (
          <span className="bell-count" data-testid="bell-count">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <NotificationPanel
            id={panelId}
            items={data?.items ?? null}
            unread={unread}
            within={root}
            onChanged={() => void load()}
            onClose={close}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
