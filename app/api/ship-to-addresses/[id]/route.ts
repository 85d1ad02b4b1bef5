import { route } from "@/lib/http";
import { deleteShipToAddress } from "@/lib/orders/address-book";

export const DELETE = route({ permission: "orders.create", params: ["id"] }, async ({ actor, params }) => {
  await deleteShipToAddress(actor, params.id);
  return new Response(null, { status: 204 });
});
