"use client";
import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { apiFetch } from "@/app/_components/api-fetch";
import { subscribeLive } from "@/app/_components/live-events";

interface Item {
  id: string;
  orderNumber: string;
  fromStatus: string | null;
  toStatus: string;
  createdAt: string;
  read: boolean;
}

const words = (s: string | null) => (s ?? "unknown").replace(/_/g, " ");

/** The header's bell: unread changes to watched orders, a list of the latest, and "mark read". */
export function NotificationBell() {
  const [data, setData] = useState<{ unread: number; items: Item[] } | null>(null);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

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

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onClick = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const markRead = async (body: { ids: string[] } | { all: true }) => {
    await apiFetch("/api/notifications/read", { method: "POST", body });
    await load();
  };

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
        <div className="bell-panel" id={panelId} role="region" aria-label="Notifications">
          <div className="bell-head">
            <strong>Watched orders</strong>
            {unread ? (
              <button type="button" className="btn btn-sm btn-ghost" onClick={() => void markRead({ all: true })}>
                Mark all read
              </button>
            ) : null}
          </div>
          {!data || data.items.length === 0 ? (
            <p className="muted bell-empty">
              No changes yet. Use &ldquo;Watch this order&rdquo; on an order to hear when it ships.
            </p>
          ) : (
            <ul className="bell-list">
              {data.items.map((n) => (
                <li key={n.id} className={n.read ? "" : "bell-unread"} data-testid="bell-item">
                  <Link
                    href={`/orders/${encodeURIComponent(n.orderNumber)}`}
                    onClick={() => {
                      setOpen(false);
                      if (!n.read) void markRead({ ids: [n.id] });
                    }}
                  >
                    Order <span className="mono">{n.orderNumber}</span> is now <strong>{words(n.toStatus)}</strong>
                  </Link>
                  <span className="subtle">
                    was {words(n.fromStatus)} ·{" "}
                    <time dateTime={n.createdAt} title={new Date(n.createdAt).toLocaleString()}>
                      {new Date(n.createdAt).toLocaleString([], { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
