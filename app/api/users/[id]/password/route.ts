import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http";
import { resetUserPassword } from "@/lib/users/passwords";
import { userIdSchema } from "@/lib/validation/users";

/** An admin's reset: a new random password, returned once, and every session of the user ended. */
export const POST = route({ permission: "users.manage", params: ["id"] }, async ({ actor, params, correlationId }) => {
  const id = userIdSchema.safeParse(params.id);
  if (!id.success) throw new AppError("not_found", "No such user.");
  return json(await resetUserPassword(actor, id.data, { correlationId }));
});
