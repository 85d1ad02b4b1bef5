// Pure: where a sign-in may send the browser afterwards. Only paths on our own origin survive; anything else
// (other hosts, protocol-relative "//x", backslash tricks, javascript:, control characters) becomes the fallback.

export const DEFAULT_AFTER_SIGN_IN = "/orders";

const PROBE_ORIGIN = "http://orderdesk.invalid";

/**
 * Returns a relative path ("/orders/20-RD128?tab=lines") for `value`, which may be a relative path or an
 * absolute URL on `ownOrigin`. Never returns anything that leaves the portal.
 */
export function safeCallbackPath(value: unknown, ownOrigin?: string, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  // Control characters and backslashes are normalized differently by browsers and URL parsers.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let candidate = value;
  if (!value.startsWith("/")) {
    if (!ownOrigin) return fallback;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return fallback;
    }
    if (parsed.origin !== new URL(ownOrigin).origin) return fallback;
    candidate = parsed.pathname + parsed.search + parsed.hash;
  }
  if (candidate.startsWith("//")) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(candidate, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== PROBE_ORIGIN) return fallback;
  const path = resolved.pathname + resolved.search + resolved.hash;
  return path.startsWith("//") ? fallback : path;
}

/** The login URL that brings the user back to `currentPath` afterwards. */
export function loginUrl(currentPath: string): string {
  return `/login?callbackUrl=${encodeURIComponent(safeCallbackPath(currentPath))}`;
}

/** next-auth's redirect callback: absolute URL on baseUrl for a safe path, baseUrl's landing page otherwise. */
export function redirectOnOwnOrigin({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const origin = new URL(baseUrl).origin;
  return `${origin}${safeCallbackPath(url, origin)}`;
}
