import { json, route } from "@/lib/http";
import { deleteView, getView } from "@/lib/views/saved-views";

/** One of the user's own saved views; another user's answers 404. */
export const GET = route({ permission: "orders.read", params: ["id"] }, async ({ actor, params }) =>
  json({ view: await getView(actor, params.id) }),
);

export const DELETE = route({ permission: "orders.read", params: ["id"] }, async ({ actor, params }) => {
  await deleteView(actor, params.id);
  return new Response(null, { status: 204 });
});
