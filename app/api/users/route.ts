import { json, route } from "@/lib/http";
import { addUser } from "@/lib/users/commands";
import { listUsers } from "@/lib/users/queries";
import { addUserSchema } from "@/lib/validation/users";

export const GET = route({ permission: "users.manage" }, async ({ actor }) => json({ users: await listUsers(actor) }));

export const POST = route({ permission: "users.manage", body: addUserSchema }, async ({ actor, body, correlationId }) =>
  json({ user: await addUser(actor, body, { correlationId }) }, { status: 201 }),
);
