// Sign-in without next-auth/react (about 13 KB gzipped on the login page for these calls): the requests its
// signIn() makes, against next-auth's own endpoints (app/api/auth/[...nextauth]), so the server side is
// unchanged: CSRF token, throttling (429 with the error in the answered url), cookies.

async function csrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf", { cache: "no-store" });
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

async function post(path: string, fields: Record<string, string>): Promise<{ res: Response; url: string | null }> {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
  const { url } = (await res.json().catch(() => ({}))) as { url?: string };
  return { res, url: url ?? null };
}

/** Email and password; `error` is next-auth's code (e.g. CredentialsSignin, TooManyAttempts) when refused. */
export async function signInWithCredentials(
  email: string,
  password: string,
): Promise<{ ok: boolean; error: string | null }> {
  const { res, url } = await post("/api/auth/callback/credentials", {
    email,
    password,
    callbackUrl: window.location.href,
  });
  const error = url ? new URL(url, window.location.origin).searchParams.get("error") : "unknown";
  return { ok: res.ok && !error, error };
}

/** Single sign-on: next-auth answers the provider's authorization URL, and the browser goes there. */
export async function signInWithProvider(providerId: string, callbackUrl: string): Promise<void> {
  const { url } = await post(`/api/auth/signin/${encodeURIComponent(providerId)}`, { callbackUrl });
  window.location.href = url ?? callbackUrl;
}
