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
  /** The v7 acknowledgement's confirmation number, when the result carries it (untrusted). */
  confirmationNumber: string | null;
  /** Order numbers the body names (untrusted). */
  orderNumbers: string[];
  /** A v7 result that reports failure: no order, Ingram's errors (or an event named as a failure). */
  failed: boolean;
  /** Ingram's reasons as the body gives them (messages, then field messages), unredacted. */
  errors: string[];
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

/**
 * Ingram documents no failure shape (CONTRACT §7.2): its error entries `{ message, fields[] { field, message } }`
 * are read under `errors` (or `error`) of the resource, at most 20 texts.
 */
function errorTexts(resource: Obj): string[] {
  const out: string[] = [];
  for (const e of [...asList(pick(resource, "errors")), ...asList(pick(resource, "error"))]) {
    const message = isObj(e) ? text(pick(e, "message"), 1000) : text(e, 1000);
    if (message) out.push(message);
    for (const f of isObj(e) ? asList(pick(e, "fields")) : []) {
      const fm = text(pick(f, "message"), 1000);
      const name = text(pick(f, "field"), 100);
      if (fm) out.push(name ? `${name}: ${fm}` : fm);
    }
  }
  return out.slice(0, 20);
}

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
    const errors = resources.flatMap(errorTexts);
    out.push({
      eventId,
      topic: text(pick(item, "topic")),
      event,
      eventType,
      timestamp: text(pick(item, "eventTimeStamp")),
      kind: created ? "order_created" : "order_status",
      customerOrderNumber: text(pick(resources[0], "customerOrderNumber"), 35),
      confirmationNumber: text(pick(resources[0], "confirmationNumber"), 60),
      orderNumbers: [...orderNumbers],
      failed: created && orderNumbers.size === 0 && (errors.length > 0 || /fail|error|reject/i.test(event ?? "")),
      errors,
    });
  }
  return out;
}
