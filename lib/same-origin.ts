import "server-only";
import { env } from "@/lib/env.mjs";
import { AppError } from "@/lib/errors";

/**
 * True when the request says it comes from a page of the portal: its Origin is the configured NEXTAUTH_URL's
 * origin or the origin the request was addressed to. A browser always sends Origin on unsafe requests, so an
 * absent Origin, "null" or a foreign one is treated as cross-site.
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin || origin === "null") return false;
  return origin === new URL(env.nextauthUrl).origin || origin === new URL(req.url).origin;
}

/** Refuses a cross-site write with 403 before any of it is read. */
export function assertSameOrigin(req: Request): void {
  if (!isSameOrigin(req)) throw new AppError("forbidden", "Cross-site request refused.");
}
