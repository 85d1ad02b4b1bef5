import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http";
import { updateUser } from "@/lib/users/commands";
import { updateUserSchema, userIdSchema } from "@/lib/validation/users";

export const PATCH = route(
  { permission: "users.manage", params: ["id"], body: updateUserSchema },
  async ({ actor, body, params, correlationId }) => {
    const id = userIdSchema.safeParse(params.id);
    if (!id.success) throw new AppError("not_found", "No such user.");
    return json({ user: await updateUser(actor, id.data, body, { correlationId }) });
  },
);
