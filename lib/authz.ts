import "server-only";
import { AppError } from "@/lib/errors";

export const ROLES = ["viewer", "buyer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "orders.read"
  | "orders.create"
  | "orders.modify"
  | "orders.release"
  | "orders.cancel"
  | "audit.read"
  | "audit.read_users"
  | "users.manage"
  /** One's own account: end one's sessions (every enabled user). */
  | "account.manage";

const VIEWER: readonly Permission[] = ["orders.read", "audit.read", "account.manage"];
const BUYER: readonly Permission[] = [...VIEWER, "orders.create", "orders.modify", "orders.release", "orders.cancel"];
// audit.read_users: sign-ins (failed ones included) and user management in the audit log.
const ADMIN: readonly Permission[] = [...BUYER, "users.manage", "audit.read_users"];

/** The one role → permission table. Every check in the portal reads it through can() or requirePermission(). */
export const PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  viewer: VIEWER,
  buyer: BUYER,
  admin: ADMIN,
});

/** The signed-in, enabled user a request acts for. */
export interface Actor {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /**
   * The password was reset by an admin or an operator: until the user chooses a new one, only their own account
   * (account.manage) is open to them.
   */
  mustChangePassword?: boolean;
}

/** Why every permission but account.manage is refused to a user whose password was reset. */
export const PASSWORD_CHANGE_REQUIRED =
  "Your password was reset. Choose a new password on your account page (/account) before you continue.";

const passwordChangePending = (actor: Actor, permission: Permission) =>
  !!actor.mustChangePassword && permission !== "account.manage";

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return !!actor && !passwordChangePending(actor, permission) && PERMISSIONS[actor.role].includes(permission);
}

export function requirePermission(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue.");
  if (passwordChangePending(actor, permission)) throw new AppError("forbidden", PASSWORD_CHANGE_REQUIRED);
  if (!can(actor, permission)) throw new AppError("forbidden", "You do not have permission to do this.");
}
