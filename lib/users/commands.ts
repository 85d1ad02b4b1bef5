import "server-only";
import { recordEvent } from "@/lib/audit/record";
import type { PasswordHasher } from "@/lib/auth/password";
import { type Actor, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUserRecord } from "@/lib/users/create";
import { type UserView, USER_VIEW_SELECT, toUserView } from "@/lib/users/queries";
import type { AddUserInput, UpdateUserInput } from "@/lib/validation/users";

interface CommandContext {
  correlationId?: string;
  hasher?: PasswordHasher;
}

export async function addUser(actor: Actor | null, input: AddUserInput, ctx: CommandContext = {}): Promise<UserView> {
  requirePermission(actor, "users.manage");
  return createUserRecord(
    input,
    { actor: { id: actor.id, email: actor.email }, correlationId: ctx.correlationId, via: "admin" },
    ctx.hasher,
  );
}

/**
 * Changes a user's role and/or disabled flag. Any change bumps sessionVersion, so the user's existing sessions
 * end at their next request. Admins cannot disable or demote themselves (the portal always keeps the acting
 * admin). `id` must already be a UUID (userIdSchema).
 */
export async function updateUser(
  actor: Actor | null,
  id: string,
  input: UpdateUserInput,
  ctx: CommandContext = {},
): Promise<UserView> {
  requirePermission(actor, "users.manage");
  if (id === actor.id && ((input.role !== undefined && input.role !== "admin") || input.disabled === true)) {
    throw new AppError("conflict", "You cannot disable or demote your own account.");
  }
  const { before, after } = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "users" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (!locked) throw new AppError("not_found", "No such user.");
    const current = await tx.user.findUniqueOrThrow({ where: { id }, select: USER_VIEW_SELECT });
    const role = input.role ?? current.role;
    const disabled = input.disabled ?? current.disabled;
    if (role === current.role && disabled === current.disabled) return { before: current, after: current };
    const updated = await tx.user.update({
      where: { id },
      data: { role, disabled, sessionVersion: { increment: 1 } },
      select: USER_VIEW_SELECT,
    });
    return { before: current, after: updated };
  });
  const audit = {
    actor: { id: actor.id, email: actor.email },
    correlationId: ctx.correlationId,
    outcome: "succeeded" as const,
  };
  const subject = { id: after.id, email: after.email };
  if (before.role !== after.role) {
    await recordEvent({
      ...audit,
      action: "user.change_role",
      request: { user: subject, role: input.role },
      before: { role: before.role },
      after: { role: after.role },
    });
  }
  if (before.disabled !== after.disabled) {
    await recordEvent({
      ...audit,
      action: after.disabled ? "user.disable" : "user.enable",
      request: { user: subject, disabled: input.disabled },
      before: { disabled: before.disabled },
      after: { disabled: after.disabled },
    });
  }
  return toUserView(after);
}
