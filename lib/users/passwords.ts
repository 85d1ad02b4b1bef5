import "server-only";
import { randomBytes } from "node:crypto";
import { recordEvent } from "@/lib/audit/record";
import type { AuditActor } from "@/lib/audit/types";
import { type PasswordHasher, bcryptHasher } from "@/lib/auth/password";
import { passwordWeakness } from "@/lib/auth/password-strength";
import { type Actor, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ChangePasswordInput } from "@/lib/validation/users";

interface PasswordContext {
  correlationId?: string;
  hasher?: PasswordHasher;
}

/**
 * The signed-in user's own password change: the current password is checked, the new one must pass the strength
 * check, and every session of the user ends (sessionVersion), so a session someone else holds ends with it.
 */
export async function changeOwnPassword(
  actor: Actor | null,
  input: ChangePasswordInput,
  ctx: PasswordContext = {},
): Promise<void> {
  requirePermission(actor, "account.manage");
  const hasher = ctx.hasher ?? bcryptHasher;
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  const audit = { actor: { id: actor.id, email: actor.email }, action: "user.change_password" as const };
  if (!user.passwordHash || !(await hasher.compare(input.currentPassword, user.passwordHash))) {
    await recordEvent({
      ...audit,
      outcome: "failed",
      correlationId: ctx.correlationId,
      after: { reason: "bad_password" },
    });
    throw new AppError("validation_failed", "Some fields need attention.", {
      fields: { currentPassword: "This is not your current password." },
    });
  }
  const weakness = passwordWeakness(input.newPassword, [user.email, user.name ?? ""]);
  if (weakness) {
    throw new AppError("validation_failed", "Some fields need attention.", { fields: { newPassword: weakness } });
  }
  await db.user.update({
    where: { id: user.id },
    data: { passwordHash: await hasher.hash(input.newPassword), sessionVersion: { increment: 1 } },
  });
  await recordEvent({ ...audit, outcome: "succeeded", correlationId: ctx.correlationId });
}

/** A password to hand over once: 144 random bits, far past any strength check. */
export function oneTimePassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * Sets a new random password for the user with `where`, ends all of the user's sessions and returns the password,
 * to be shown once. No permission check: callers are resetUserPassword (users.manage) and the operator's CLI.
 */
export async function resetPasswordRecord(
  where: { id: string } | { email: string },
  by: { actor: AuditActor; correlationId?: string; via: "admin" | "cli" },
  hasher: PasswordHasher = bcryptHasher,
): Promise<{ email: string; password: string }> {
  const target = await db.user.findUnique({ where });
  if (!target) throw new AppError("not_found", "No such user.");
  const password = oneTimePassword();
  await db.user.update({
    where: { id: target.id },
    data: { passwordHash: await hasher.hash(password), sessionVersion: { increment: 1 } },
  });
  await recordEvent({
    actor: by.actor,
    action: "user.reset_password",
    outcome: "succeeded",
    correlationId: by.correlationId,
    request: { user: { id: target.id, email: target.email }, via: by.via },
  });
  return { email: target.email, password };
}

export async function resetUserPassword(
  actor: Actor | null,
  id: string,
  ctx: PasswordContext = {},
): Promise<{ email: string; password: string }> {
  requirePermission(actor, "users.manage");
  return resetPasswordRecord(
    { id },
    { actor: { id: actor.id, email: actor.email }, correlationId: ctx.correlationId, via: "admin" },
    ctx.hasher,
  );
}
