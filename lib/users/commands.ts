import "server-only";
import { recordEvent } from "@/lib/audit/record";
import type { PasswordHasher } from "@/lib/auth/password";
import { type Actor, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUserRecord } from "@/lib/users/create";
import { type UserView, USER_VIEW_SELECT, toUserView } from "@/lib/users/queries";
import { type AddUserInput, type UpdateUserInput, userIdSchema } from "@/lib/validation/users";

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
 * end at their next request. Admins cannot disable or demote themselves, and no change may leave the portal
 * without an enabled admin: the enabled admins are locked in the same transaction, so two admins demoting each
 * other at once cannot both succeed. Ids are compared in userIdSchema's canonical (lowercase) form.
 */
export async function updateUser(
  actor: Actor | null,
  id: string,
  input: UpdateUserInput,
  ctx: CommandContext = {},
): Promise<UserView> {
  requirePermission(actor, "users.manage");
  const target = userIdSchema.safeParse(id);
  if (!target.success) throw new AppError("not_found", "No such user.");
  const self = userIdSchema.safeParse(actor.id);
  const removesAdmin = (input.role !== undefined && input.role !== "admin") || input.disabled === true;
  if (self.success && target.data === self.data && removesAdmin) {
    throw new AppError("conflict", "You cannot disable or demote your own account.");
  }
  const { before, after } = await db.$transaction(async (tx) => {
    // Locked in id order before the target, so concurrent changes queue here instead of deadlocking.
    const admins = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id"::text AS id FROM "users" WHERE "role" = 'admin' AND NOT "disabled" ORDER BY "id" FOR UPDATE`;
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id" FROM "users" WHERE "id" = ${target.data}::uuid FOR UPDATE`;
    if (!locked) throw new AppError("not_found", "No such user.");
    const current = await tx.user.findUniqueOrThrow({ where: { id: target.data }, select: USER_VIEW_SELECT });
    const role = input.role ?? current.role;
    const disabled = input.disabled ?? current.disabled;
    if (role === current.role && disabled === current.disabled) return { before: current, after: current };
    const stillAdmin = role === "admin" && !disabled;
    if (!stillAdmin && admins.every((a) => a.id === target.data)) {
      throw new AppError("conflict", "The portal must keep at least one enabled admin.");
    }
    const updated = await tx.user.update({
      where: { id: target.data },
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
