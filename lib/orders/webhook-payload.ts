// Reads Ingram webhook bodies (v7 create results and order status events) defensively: one event or an
// array of events, keys matched case-insensitively (eventTimeStamp is spelled three ways), resource an
// object or an array. Nothing here is trusted beyond the signed eventId; orders are re-fetched before use.

export interface WebhookEventIn {
  eventId: string;
  topic: string | null;
  event: string | null;
  eventType: string | null;
  timestamp: string | null;
  kind: "order_created" | "order_status";
  customerOrderNumber: string | null;
  /** Order numbers the body names (untrusted). */
  orderNumbers: string[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

export function pick(o: unknown, name: string): unknown {
  if (!isObj(o)) return undefined;
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  const key = Object.keys(o).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : o[key];
}

function text(v: unknown, max = 200): string | null {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return typeof v === "string" && v.trim() !== "" && v.length <= max ? v.trim() : null;
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

const EVENT_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** null when the body is not a webhook we understand (no events, or an event without a usable eventId). */
export function parseWebhookBody(body: unknown): WebhookEventIn[] | null {
  const items = asList(body);
  if (items.length === 0 || items.length > 100) return null;
  const out: WebhookEventIn[] = [];
  for (const item of items) {
    if (!isObj(item)) return null;
    const eventId = text(pick(item, "eventId"), 100);
    if (!eventId || !EVENT_ID.test(eventId)) return null;
    const resources = asList(pick(item, "resource")).filter(isObj);
    const eventType = text(pick(item, "eventType")) ?? text(pick(resources[0], "eventType"));
    const event = text(pick(item, "event"));
    const created =
      /async_order_create/i.test(eventType ?? "") ||
      /created/i.test(event ?? "") ||
      resources.some((r) => Array.isArray(pick(r, "orders")));
    const orderNumbers = new Set<string>();
    for (const r of resources) {
      const direct = text(pick(r, "orderNumber")) ?? text(pick(r, "ingramOrderNumber"));
      if (direct) orderNumbers.add(direct);
      for (const o of asList(pick(r, "orders"))) {
        const n = text(pick(o, "ingramOrderNumber"));
        if (n) orderNumbers.add(n);
      }
    }
    out.push({
      eventId,
      topic: text(pick(item, "topic")),
      event,
      eventType,
      timestamp: text(pick(item, "eventTimeStamp")),
      kind: created ? "order_created" : "order_status",
      customerOrderNumber: text(pick(resources[0], "customerOrderNumber"), 35),
      orderNumbers: [...orderNumbers],
    });
  }
  return out;
}
