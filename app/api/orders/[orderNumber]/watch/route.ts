import { json, route } from "@/lib/http";
import { isWatching, setWatching } from "@/lib/live/watches";

/** "Watch this order": GET whether the user watches it, PUT to watch, DELETE to stop. */
export const GET = route({ permission: "orders.read", params: ["orderNumber"] }, async ({ actor, params }) =>
  json({ watching: await isWatching(actor, params.orderNumber) }),
);

export const PUT = route({ permission: "orders.read", params: ["orderNumber"] }, async ({ actor, params }) =>
  json({ watching: await setWatching(actor, params.orderNumber, true) }),
);

export const DELETE = route({ permission: "orders.read", params: ["orderNumber"] }, async ({ actor, params }) =>
  json({ watching: await setWatching(actor, params.orderNumber, false) }),
);
