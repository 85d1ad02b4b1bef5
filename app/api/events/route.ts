import { route } from "@/lib/http";
import { orderEventStream } from "@/lib/live/event-stream";

export const dynamic = "force-dynamic";

/** Server-Sent Events: the signed-in user's order changes, live (lib/live/event-stream.ts). */
export const GET = route({ permission: "orders.read" }, async ({ req, actor }) => {
  const stream = orderEventStream(actor, { signal: req.signal });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
