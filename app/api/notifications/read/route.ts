import { json, route } from "@/lib/http";
import { markNotificationsRead } from "@/lib/live/watches";
import { markReadSchema } from "@/lib/validation/notifications";

/** Marks the listed notifications, or all of them, read. */
export const POST = route({ permission: "orders.read", body: markReadSchema }, async ({ actor, body }) =>
  json({ marked: await markNotificationsRead(actor, body.all ? "all" : (body.ids ?? [])) }),
);
