// Sign-out without next-auth/react (about 12 KB gzipped on every portal page for this one call): the same
// two requests its signOut() makes, so next-auth's own handler clears the cookie and our signOut event
// revokes the session on the server (lib/auth/session-revocation.ts).

/** POST /api/auth/signout with next-auth's CSRF token, then a full navigation to where it says (or `callbackUrl`). */
export async function signOut({ callbackUrl }: { callbackUrl: string }): Promise<void> {
  const csrf = await fetch("/api/auth/csrf", { cache: "no-store" });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await res.json().catch(() => ({}))) as { url?: string };
  window.location.href = url ?? callbackUrl;
}
