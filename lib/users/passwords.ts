import "server-only";
import { randomBytes } from "node:crypto";
import { recordEvent } from "@/lib/audit/record";
import type { AuditActor } from "@/lib/audit/types";
import { type PasswordHasher, bcryptHasher } from "@/lib/auth/password";
import { passwordWeakness } from "@/lib/auth/password-strength";
import { recordRefusalOnce } from "@/lib/auth/refusal-audit";
import { clearPasswordChecks, reservePasswordCheck } from "@/lib/auth/throttle";
import { type Actor, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ChangePasswordInput } from "@/lib/validation/users";

interface PasswordContext {
  correlationId?: string;
  hasher?: PasswordHasher;
  /** The throttle's clock (tests). */
  now?: Date;
}

/**
 * The signed-in user's own password change: the current password is checked (throttled per user before any hash
 * is computed: 429 + Retry-After), the new one must pass the strength check, and every session of the user ends
 * (sessionVersion), so a session someone else holds ends with it. It also lifts a reset's must-change flag.
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
  const slot = await reservePasswordCheck(user.id, ctx.now);
  if (slot.throttled) {
    await recordRefusalOnce(`pw-check|${user.id}`, {
      ...audit,
      outcome: "failed",
      correlationId: ctx.correlationId,
      after: { reason: "throttled" },
    });
    throw new AppError(
      "rate_limited",
      `Too many wrong current passwords. Try again in ${slot.retryAfterSeconds} seconds.`,
      { retryAfterSeconds: slot.retryAfterSeconds },
    );
  }
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
  await clearPasswordChecks(user.id);
  const weakness = passwordWeakness(input.newPassword, [user.email, user.name ?? ""]);
  if (weakness) {
    throw new AppError("validation_failed", "Some fields need attention.", { fields: { newPassword: weakness } });
  }
  await db.user.update({
    where: { id: user.id },
    data: {
      passwordHash: await hasher.hash(input.newPassword),
      sessionVersion: { increment: 1 },
      mustChangePassword: false,
    },
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
    // One-time: the user can sign in with it, then only choose a new password (authz.ts, page-guard.ts).
    data: { passwordHash: await hasher.hash(password), sessionVersion: { increment: 1 }, mustChangePassword: true },
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
