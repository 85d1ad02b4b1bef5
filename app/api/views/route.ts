import { json, route } from "@/lib/http";
import { createViewSchema } from "@/lib/validation/saved-views";
import { createView, listViews } from "@/lib/views/saved-views";

/** The signed-in user's saved views of the orders list; POST saves one ({ name, query }). */
export const GET = route({ permission: "orders.read" }, async ({ actor }) => json({ views: await listViews(actor) }));

export const POST = route({ permission: "orders.read", body: createViewSchema }, async ({ actor, body }) =>
  json({ view: await createView(actor, body) }, { status: 201 }),
);
