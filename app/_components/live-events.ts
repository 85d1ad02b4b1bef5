"use client";
// One EventSource per tab, shared by every component that listens (the live note, the bell): a browser allows
// few connections per origin, and each stream costs the server a subscription.

export type LiveEvent =
  { type: "ready" } | { type: "order"; orderNumber: string; status: string } | { type: "bell" } | { type: "resync" };

type Handler = (event: LiveEvent) => void;

const handlers = new Set<Handler>();
let source: EventSource | null = null;
let ready = false;

function emit(event: LiveEvent): void {
  for (const h of handlers) h(event);
}

function open(): void {
  source = new EventSource("/api/events");
  source.addEventListener("ready", () => {
    ready = true;
    emit({ type: "ready" });
  });
  source.addEventListener("order", (e) => {
    try {
      const data = JSON.parse((e as MessageEvent<string>).data) as { orderNumber: string; status: string };
      emit({ type: "order", orderNumber: data.orderNumber, status: data.status });
    } catch {
      // A malformed event is skipped; the next one or a reload brings the page up to date.
    }
  });
  source.addEventListener("bell", () => emit({ type: "bell" }));
  // After a gap (the server dropped a slow stream, or the connection was lost) the page may have missed events.
  source.addEventListener("resync", () => emit({ type: "resync" }));
  source.addEventListener("error", () => {
    if (ready) emit({ type: "resync" });
    ready = false;
  });
}

/** Listens to the portal's live events; the stream opens with the first listener and closes with the last. */
export function subscribeLive(handler: Handler): () => void {
  handlers.add(handler);
  if (!source) open();
  else if (ready) handler({ type: "ready" });
  return () => {
    handlers.delete(handler);
    if (handlers.size === 0) {
      source?.close();
      source = null;
      ready = false;
    }
  };
}
