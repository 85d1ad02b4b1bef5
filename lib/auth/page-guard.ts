import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { loginUrl } from "@/lib/auth/callback-url";
import { getActor } from "@/lib/auth/session";
import { type Actor, type Permission, can } from "@/lib/authz";

/** The actor of the page being rendered, read once per request however many layouts and pages ask. */
export const currentActor = cache((): Promise<Actor | null> => getActor());

/**
 * For server components: the actor, or a redirect to /login that returns to `currentPath` afterwards
 * (only a relative path is ever put in callbackUrl). Steering only — data access checks permissions itself.
 */
export async function requirePageActor(currentPath: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(loginUrl(currentPath));
  return actor;
}

/** As requirePageActor, and a 404 (no hint that the page exists) when the actor lacks `permission`. */
export async function requirePagePermission(currentPath: string, permission: Permission): Promise<Actor> {
  const actor = await requirePageActor(currentPath);
  if (!can(actor, permission)) notFound();
  return actor;
}
