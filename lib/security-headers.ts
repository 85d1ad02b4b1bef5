// The per-request security headers set by proxy.ts on pages: a Content-Security-Policy with a fresh nonce, and HSTS
// when the portal is served over HTTPS; and the fixed ones every JSON route sends (lib/http.ts). Pure.

/** 128 random bits, Base64: what CSP's nonce-source accepts. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only with this response's nonce (Next.js puts it on its own scripts when it finds it in the
 * request's Content-Security-Policy header) or when loaded by such a script ('strict-dynamic'): no inline
 * script without the nonce, no eval outside development (React's dev tools need it). Styles stay
 * 'unsafe-inline': React writes style attributes, which nonces cannot cover.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

export interface SecurityHeaderOptions {
  dev: boolean;
  /** The portal's public URL (NEXTAUTH_URL): HSTS only when it is https, where browsers honour it. */
  publicUrl: string;
}

const HSTS = "max-age=31536000; includeSubDomains";

/** HSTS only when the portal's public URL is https, where browsers honour it. */
function hsts(publicUrl: string): Record<string, string> {
  return publicUrl.startsWith("https://") ? { "Strict-Transport-Security": HSTS } : {};
}

/** The response headers for one page request, given its nonce. */
export function securityHeaders(nonce: string, opts: SecurityHeaderOptions): Record<string, string> {
  return { "Content-Security-Policy": contentSecurityPolicy(nonce, opts.dev), ...hsts(opts.publicUrl) };
}

/**
 * What every JSON route handler answers with (lib/http.ts), instead of the proxy's per-request nonce: a JSON or
 * CSV body runs no script and embeds nothing, so its policy allows nothing at all. The proxy is not run for those
 * routes (proxy.ts's matcher): building a nonce and re-writing the request's headers was a twentieth of an API
 * request's CPU, for a policy a JSON body never uses.
 */
export function apiSecurityHeaders(publicUrl: string): Record<string, string> {
  return { "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'", ...hsts(publicUrl) };
}
