import { json, route } from "@/lib/http";
import { listNotifications } from "@/lib/live/watches";

/** The bell: the user's latest watched-order notifications and the unread count. */
export const GET = route({ permission: "orders.read" }, async ({ actor }) => json(await listNotifications(actor)));
