import { json, route } from "@/lib/http";
import { listShipToAddresses, saveShipToAddress } from "@/lib/orders/address-book";
import { saveShipToAddressSchema } from "@/lib/validation/ship-to-address";

/** The account's address book: GET lists it, POST saves the create form's ship-to under a name. */
export const GET = route({ permission: "orders.create" }, async ({ actor }) =>
  json({ addresses: await listShipToAddresses(actor) }),
);

export const POST = route(
  { permission: "orders.create", body: saveShipToAddressSchema, maxBodyBytes: 16 * 1024 },
  async ({ actor, body }) => {
    const { address, replaced } = await saveShipToAddress(actor, body);
    return json({ address }, { status: replaced ? 200 : 201 });
  },
);
