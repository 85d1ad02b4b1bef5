import "server-only";
import { type Actor, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { indexAccount } from "@/lib/order-index/index-detail";
import { isOrderNumber } from "@/lib/validation/order-number";

const LIST_LIMIT = 20;

function orderKey(orderNumber: string) {
  if (!isOrderNumber(orderNumber)) {
    throw new AppError("validation_failed", "Some fields need attention.", {
      fields: { orderNumber: "Order number may contain only letters, digits and dashes (at most 12)." },
    });
  }
  return { ...indexAccount(), orderNumber: orderNumber.toUpperCase() };
}

/** Whether the user watches this order. */
export async function isWatching(actor: Actor | null, orderNumber: string): Promise<boolean> {
  requirePermission(actor, "orders.read");
  const row = await db.orderWatch.findUnique({
    where: { userId_customerNumber_countryCode_orderNumber: { userId: actor.id, ...orderKey(orderNumber) } },
    select: { userId: true },
  });
  return row !== null;
}

/** Starts or stops watching; idempotent either way. Anyone who may read an order may watch it. */
export async function setWatching(actor: Actor | null, orderNumber: string, watching: boolean): Promise<boolean> {
  requirePermission(actor, "orders.read");
  const key = { userId: actor.id, ...orderKey(orderNumber) };
  if (watching) {
    await db.orderWatch.createMany({ data: [key], skipDuplicates: true });
  } else {
    await db.orderWatch.deleteMany({ where: key });
  }
  return watching;
}

export interface NotificationView {
  id: string;
  orderNumber: string;
  fromStatus: string | null;
  toStatus: string;
  createdAt: string;
  read: boolean;
}

/** The user's latest notifications (own account's orders only) and how many are unread. */
export async function listNotifications(actor: Actor | null): Promise<{ unread: number; items: NotificationView[] }> {
  requirePermission(actor, "orders.read");
  const where = { userId: actor.id, ...indexAccount() };
  const [unread, rows] = await Promise.all([
    db.notification.count({ where: { ...where, readAt: null } }),
    db.notification.findMany({ where, orderBy: { createdAt: "desc" }, take: LIST_LIMIT }),
  ]);
  return {
    unread,
    items: rows.map((n) => ({
      id: n.id,
      orderNumber: n.orderNumber,
      fromStatus: n.fromStatus,
      toStatus: n.toStatus,
      createdAt: n.createdAt.toISOString(),
      read: n.readAt !== null,
    })),
  };
}

/** Marks the given notifications (or all of them) read; only the user's own rows are touched. */
export async function markNotificationsRead(actor: Actor | null, ids: string[] | "all"): Promise<number> {
  requirePermission(actor, "orders.read");
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  return count;
}
