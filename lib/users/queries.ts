import "server-only";
import { type Actor, requirePermission, type Role } from "@/lib/authz";
import { db } from "@/lib/db";

/** What the users admin shows; never the password hash. */
export interface UserView {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

export const USER_VIEW_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  createdAt: true,
  lastSignInAt: true,
} as const;

type Row = {
  [K in keyof typeof USER_VIEW_SELECT]: K extends "createdAt"
    ? Date
    : K extends "lastSignInAt"
      ? Date | null
      : UserView[K];
};

export function toUserView(row: Row): UserView {
  return { ...row, createdAt: row.createdAt.toISOString(), lastSignInAt: row.lastSignInAt?.toISOString() ?? null };
}

export async function listUsers(actor: Actor | null): Promise<UserView[]> {
  requirePermission(actor, "users.manage");
  const rows = await db.user.findMany({ select: USER_VIEW_SELECT, orderBy: [{ email: "asc" }] });
  return rows.map(toUserView);
}
