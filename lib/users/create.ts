import "server-only";
import { recordEvent } from "@/lib/audit/record";
import { type PasswordHasher, bcryptHasher } from "@/lib/auth/password";
import type { AuditActor } from "@/lib/audit/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type UserView, USER_VIEW_SELECT, toUserView } from "@/lib/users/queries";
import type { AddUserInput } from "@/lib/validation/users";

function isUniqueViolation(err: unknown): boolean {
  return !!err && typeof err === "object" && (err as { code?: unknown }).code === "P2002";
}

/**
 * Creates a user and records user.create. No permission check: callers are the users.manage command and the
 * operator's CLI (actor null). Input must already be parsed by addUserSchema.
 */
export async function createUserRecord(
  input: AddUserInput,
  by: { actor: AuditActor; correlationId?: string; via: "admin" | "cli" },
  hasher: PasswordHasher = bcryptHasher,
): Promise<UserView> {
  const passwordHash = await hasher.hash(input.password);
  let row;
  try {
    row = await db.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: USER_VIEW_SELECT,
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError("conflict", "A user with this email already exists.", {
        fields: { email: "A user with this email already exists." },
      });
    }
    throw err;
  }
  await recordEvent({
    actor: by.actor,
    action: "user.create",
    outcome: "succeeded",
    correlationId: by.correlationId,
    request: { email: row.email, name: row.name, role: row.role, via: by.via },
    after: { id: row.id, email: row.email, role: row.role },
  });
  return toUserView(row);
}
