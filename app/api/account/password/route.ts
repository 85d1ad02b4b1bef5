import { json, route } from "@/lib/http";
import { changeOwnPassword } from "@/lib/users/passwords";
import { changePasswordSchema } from "@/lib/validation/users";

/** Changes the signed-in user's password; every session of the user ends, this one included. */
export const PUT = route(
  { permission: "account.manage", body: changePasswordSchema },
  async ({ actor, body, correlationId }) => {
    await changeOwnPassword(actor, body, { correlationId });
    return json({ changed: true });
  },
);
