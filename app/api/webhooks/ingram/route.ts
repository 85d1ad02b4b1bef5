import { json, route } from "@/lib/http";
import { handleIngramWebhook } from "@/lib/orders/webhooks";

/** Server-to-server: authenticated by the x-hub-signature over eventId, not by a session or Origin. */
export const POST = route({ permission: null, csrf: false, rawBody: true, maxBodyBytes: 1024 * 1024 }, async ({ req, body, correlationId }) =>
  json(await handleIngramWebhook(String(body ?? ""), req.headers.get("x-hub-signature"), correlationId)),
);
