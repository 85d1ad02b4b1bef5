import "server-only";
import { notFound, redirect } from "next/navigation";
import { loginUrl } from "@/lib/auth/callback-url";
import { getActor } from "@/lib/auth/session";
import { type Actor, type Permission, can } from "@/lib/authz";

// The one way pages and layouts learn who is signed in. Steering only: every query and command checks the
// permission itself. getActor() is cached per request, so a layout and its page read the session once.

/** The actor, or null: for the portal shell and the sign-in page, which render for both. */
export function pageActor(): Promise<Actor | null> {
  return getActor();
}

/** Where a user whose password was reset is sent from every other page; the page says why. */
export const PASSWORD_RESET_PAGE = "/account?reason=password-reset";

/**
 * The actor, or a redirect to /login that returns to `currentPath` afterwards (only a relative path is ever
 * put in callbackUrl). A user whose password was reset is sent to /account to choose a new one first.
 */
export async function requirePageActor(currentPath: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(loginUrl(currentPath));
  if (actor.mustChangePassword && new URL(currentPath, "http://x").pathname !== "/account") {
    redirect(PASSWORD_RESET_PAGE);
  }
  return actor;
}

/** As requirePageActor, and a 404 (no hint that the page exists) when the actor lacks `permission`. */
export async function requirePagePermission(currentPath: string, permission: Permission): Promise<Actor> {
  const actor = await requirePageActor(currentPath);
  if (!can(actor, permission)) notFound();
  return actor;
}
