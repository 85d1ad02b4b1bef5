import "server-only";
import type { Actor } from "@/lib/authz";
import { requirePermission } from "@/lib/authz";
import { indexAccount } from "@/lib/order-index/index-detail";
import { accountKey, changeFeed, type ChangeFeed, type OrderChange } from "./change-feed";

/** Comment lines keep proxies and the browser from closing an idle stream. */
const HEARTBEAT_MS = 20_000;
/** The stream ends after this long: the browser reconnects, and the session is checked again. */
const MAX_LIFETIME_MS = 10 * 60_000;
/** Events queued for a slow reader; past this the queue is dropped and one `resync` tells it to reload. */
const MAX_QUEUED = 200;

export interface StreamOptions {
  signal: AbortSignal;
  feed?: ChangeFeed;
  heartbeatMs?: number;
  lifetimeMs?: number;
}

/** What one user's stream carries of a change: their own account's orders only, and their own bell pokes. */
function forActor(change: OrderChange, actor: Actor, account: string): string | null {
  if (change.accountKey !== account) return null;
  const bell = !!change.notified && (change.notified.includes(actor.id) || change.notified.includes("*"));
  const data = {
    orderNumber: change.orderNumber,
    status: change.status,
    changedAt: change.changedAt,
    source: change.source,
  };
  return `event: order\ndata: ${JSON.stringify(data)}\n\n${bell ? `event: bell\ndata: {}\n\n` : ""}`;
}

/**
 * GET /api/events: a Server-Sent Events stream of order changes for a user who may read orders. Ends cleanly on
 * abort (the browser left), on its lifetime, or when the reader falls too far behind.
 */
export function orderEventStream(actor: Actor | null, opts: StreamOptions): ReadableStream<Uint8Array> {
  requirePermission(actor, "orders.read");
  const feed = opts.feed ?? changeFeed();
  const account = accountKey(indexAccount());
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let open = true;
        const send = (text: string) => {
          if (!open) return;
          if ((controller.desiredSize ?? 0) <= 0) {
            // The reader is not keeping up: drop what is queued rather than grow, and tell it to reload.
            controller.enqueue(encoder.encode("event: resync\ndata: {}\n\n"));
            close();
            return;
          }
          controller.enqueue(encoder.encode(text));
        };
        const unsubscribe = feed.subscribe((change) => {
          const text = forActor(change, actor, account);
          if (text) send(text);
        });
        const heartbeat = setInterval(() => send(": ping\n\n"), opts.heartbeatMs ?? HEARTBEAT_MS);
        const lifetime = setTimeout(() => close(), opts.lifetimeMs ?? MAX_LIFETIME_MS);
        const close = () => {
          if (!open) return;
          open = false;
          cleanup();
          try {
            controller.close();
          } catch {
            // Already closed by the reader's cancel.
          }
        };
        cleanup = () => {
          unsubscribe();
          clearInterval(heartbeat);
          clearTimeout(lifetime);
          opts.signal.removeEventListener("abort", close);
        };
        opts.signal.addEventListener("abort", close);
        if (opts.signal.aborted) return close();
        send(`retry: 3000\n: connected\n\n`);
        void feed.ready().then(() => send("event: ready\ndata: {}\n\n"));
      },
      cancel() {
        cleanup();
      },
    },
    { highWaterMark: MAX_QUEUED },
  );
}
