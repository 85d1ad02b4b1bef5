import { json, route } from "@/lib/http";
import { receiveIngramWebhook } from "@/lib/orders/receive-ingram-webhook";

/** Server-to-server: authenticated by the x-hub-signature over eventId, not by a session or Origin. */
export const POST = route(
  { permission: null, csrf: false, rawBody: true, maxBodyBytes: 1024 * 1024 },
  async ({ req, body, correlationId }) =>
    json(await receiveIngramWebhook(String(body ?? ""), req.headers.get("x-hub-signature"), correlationId)),
);
