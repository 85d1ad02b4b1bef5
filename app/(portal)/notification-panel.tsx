"use client";

import Link from "next/link";
import { useEffect, type RefObject } from "react";
import { apiFetch } from "@/app/_components/api-fetch";
import type { NotificationView } from "@/lib/live/watches";

/** What GET /api/notifications lists (a type only, erased from the bundle). */
export type NotificationItem = NotificationView;

export interface NotificationPanelProps {
  id: string;
  /** The bell's last answer; null before the first one arrives. */
  items: NotificationItem[] | null;
  unread: number;
  /** The bell: a press outside it closes the panel. */
  within: RefObject<HTMLElement | null>;
  /** After "mark read": the bell reloads its count and list. */
  onChanged: () => void;
  /** Escape, a press outside the bell, or following an item's link closes the panel. */
  onClose: () => void;
}

const words = (s: string | null) => (s ?? "unknown").replace(/_/g, " ");

/** The bell's open panel (loaded on its first opening): the latest changes to watched orders, and "mark read". */
export function NotificationPanel({ id, items, unread, within, onChanged, onClose }: NotificationPanelProps) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    const onClick = (e: MouseEvent) => !within.current?.contains(e.target as Node) && onClose();
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [within, onClose]);

  const onMarkRead = async (body: { ids: string[] } | { all: true }) => {
    await apiFetch("/api/notifications/read", { method: "POST", body });
    onChanged();
  };

  return (
    <div className="bell-panel" id={id} role="region" aria-label="Notifications">
      <div className="bell-head">
        <strong>Watched orders</strong>
        {unread ? (
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => void onMarkRead({ all: true })}>
            Mark all read
          </button>
        ) : null}
      </div>
      {!items || items.length === 0 ? (
        <p className="muted bell-empty">
          No changes yet. Use &ldquo;Watch this order&rdquo; on an order to hear when it ships.
        </p>
      ) : (
        <ul className="bell-list">
          {items.map((n) => (
            <li key={n.id} className={n.read ? "" : "bell-unread"} data-testid="bell-item">
              <Link
                href={`/orders/${encodeURIComponent(n.orderNumber)}`}
                onClick={() => {
                  onClose();
                  if (!n.read) void onMarkRead({ ids: [n.id] });
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
  );
}
