import "server-only";
import { type Actor, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { toAppError } from "@/lib/error-map";
import type { OrderDetail as IngramOrderDetail } from "@/lib/ingram/schemas/order-detail";
import { log } from "@/lib/log";
import { indexAccount, indexedDetail, isFresh } from "@/lib/order-index/index-detail";
import { indexOrderDetail } from "@/lib/order-index/index-writes";
import { toOrderDetail } from "./dto";
import type { OrderDetail } from "./dto-types";
import { type CallFor, checkOrderNumber, fetchIngramOrder } from "./ingram-calls";
import { sharedFlight, writeSettled } from "./shared-flight";

export interface OrderRead {
  order: OrderDetail;
  /** index: a detail younger than the freshness window; ingram: read live now; stale: Ingram failed, last known. */
  source: "index" | "ingram" | "stale";
  /** When Ingram sent this detail (ISO). */
  fetchedAt: string;
  /** Why the last known detail is shown instead of Ingram's current one (source "stale" only). */
  staleReason?: string;
}

/**
 * GET /api/orders/[orderNumber] and the order pages → GET /resellers/v6.1/orders/{ordernumber}, unless the index
 * holds a detail fresher than ORDER_FRESH_SECONDS. When Ingram fails (down, slow, throttled) and the index has
 * seen the order, the last known detail answers with its age.
 */
export async function readOrder(
  actor: Actor | null,
  orderNumber: string,
  correlationId?: string,
  // When the read was asked for (a request's arrival): an Ingram answer given after it is not shared with it.
  askedAt: number = performance.now(),
): Promise<OrderRead> {
  requirePermission(actor, "orders.read");
  const n = checkOrderNumber(orderNumber);
  // The index write of an answer this process just gave for the order: read what it wrote, as when it waited.
  await writeSettled(detailKey(n));
  const known = await indexedDetail(db, indexAccount(), n).catch((err: unknown) => {
    log("warn", "order index read failed", { correlationId, orderNumber: n, err });
    return null;
  });
  if (known && isFresh(known.fetchedAt)) {
    return { order: toOrderDetail(known.raw, n), source: "index", fetchedAt: known.fetchedAt.toISOString() };
  }
  try {
    const { raw, at } = await sharedFetch(n, askedAt, correlationId, { userId: actor?.id });
    return { order: toOrderDetail(raw, n), source: "ingram", fetchedAt: at.toISOString() };
  } catch (err) {
    const failure = toAppError(err);
    if (!known || (failure.status < 500 && failure.status !== 429)) throw err;
    log("warn", "Ingram failed: answering an order from the index", { correlationId, orderNumber: n, err });
    return {
      order: toOrderDetail(known.raw, n),
      source: "stale",
      fetchedAt: known.fetchedAt.toISOString(),
      staleReason: failure.message,
    };
  }
}

/** The order's detail only, for callers that need no freshness information. */
export async function getOrder(actor: Actor | null, orderNumber: string, correlationId?: string): Promise<OrderDetail> {
  return (await readOrder(actor, orderNumber, correlationId)).order;
}

type Fetched = { raw: IngramOrderDetail; at: Date };

const detailKey = (orderNumber: string) => {
  const account = indexAccount();
  return `detail ${account.customerNumber}/${account.countryCode}/${orderNumber.toUpperCase()}`;
};

/**
 * One Ingram call for concurrent reads of the same order in this process. The answer does not wait for the
 * detail's index write: the next reader of the order in this process waits for it instead (readOrder), and the
 * write lands before any index write of the order that starts after it, such as a change's write-through
 * (inTurn, in indexOrderDetail).
 */
function sharedFetch(
  orderNumber: string,
  since: number,
  correlationId: string | undefined,
  forWhom: CallFor,
): Promise<Fetched> {
  return sharedFlight(detailKey(orderNumber), since, async () => {
    const raw = await fetchIngramOrder(orderNumber, correlationId, forWhom);
    const at = new Date();
    const write = indexOrderDetail(db, indexAccount(), raw, "details", at).catch((err: unknown) =>
      log("warn", "writing an order detail into the order index failed", { correlationId, orderNumber, err }),
    );
    return { value: { raw, at }, write };
  });
}
