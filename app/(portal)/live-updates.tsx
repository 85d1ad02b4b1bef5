"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { subscribeLive } from "@/app/_components/live-events";

/** Changes arriving together (an order and its sub-orders, a sync page) cause one refresh. */
const DEBOUNCE_MS = 300;
const JUST_NOW_MS = 60_000;

/**
 * Re-renders the page (router.refresh) when one of the orders it shows changes — by the sync, a webhook or a
 * colleague — and says so quietly. `orderNumbers` omitted: any order of the account.
 */
export function LiveUpdates({ orderNumbers }: { orderNumbers?: string[] }) {
  const router = useRouter();
  const [connected, setConnected] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [justNow, setJustNow] = useState(false);
  const shownKey = orderNumbers?.map((n) => n.toUpperCase()).join(" ");

  useEffect(() => {
    const shown = shownKey === undefined ? null : new Set(shownKey.split(" "));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribeLive((event) => {
      if (event.type === "ready") setConnected(true);
      const relevant =
        event.type === "resync" || (event.type === "order" && (!shown || shown.has(event.orderNumber.toUpperCase())));
      if (!relevant) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        router.refresh();
        setUpdatedAt(Date.now());
        setJustNow(true);
      }, DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [shownKey, router]);

  // "Just now" for a minute, then the time of the last update.
  useEffect(() => {
    if (!justNow) return;
    const t = setTimeout(() => setJustNow(false), JUST_NOW_MS);
    return () => clearTimeout(t);
  }, [justNow, updatedAt]);

  let text = "";
  if (updatedAt !== null) {
    text = justNow
      ? "Updated just now"
      : `Updated at ${new Date(updatedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}`;
  }
  return (
    <span className="live-note" role="status" data-testid="live-note" data-live={connected ? "on" : "off"}>
      {text}
    </span>
  );
}
