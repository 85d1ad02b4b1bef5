// RELIABILITY.md, Security, Sessions: behind TLS (an https NEXTAUTH_URL) the session cookie is __Secure-, Secure,
// HttpOnly and SameSite=Lax. The portal's configuration is read once (lib/env.mjs), so this file builds it with
// an https NEXTAUTH_URL before anything reads it; the rest of the suite runs on http://localhost.
import { decode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env.mjs";
import { callAuthRoute } from "@/tests/support/request-scope";
import { makeUser } from "@/tests/support/session";
import { useTestDatabase } from "@/tests/support/db";

const ORIGIN = "https://orders.example.test";

// Hoisted above the imports: names only what it imports itself.
vi.mock("@/lib/env.mjs", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/env.mjs")>();
  const { tempDir } = await import("@/tests/support/temp-dir");
  const source = {
    ...process.env,
    NEXTAUTH_URL: "https://orders.example.test",
    DATA_DIR: tempDir("tls"),
  };
  return { ...real, env: real.buildEnv(source) };
});

const t = useTestDatabase();
const PASSWORD = "correct horse battery";

describe("session cookies behind TLS", () => {
  it("are __Secure-, Secure, HttpOnly and SameSite=Lax, and a fresh session id is minted at sign-in", async () => {
    const route = await import("@/app/api/auth/[...nextauth]/route");
    const u = await makeUser(t.db, "viewer", { password: PASSWORD });
    const csrfRes = await callAuthRoute(route.GET, new Request(`${ORIGIN}/api/auth/csrf`));
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const csrfCookie = csrfRes.headers.getSetCookie();
    expect(csrfCookie.some((c) => c.startsWith("__Host-next-auth.csrf-token=") && /;\s*Secure/i.test(c))).toBe(true);

    // The second sign-in presents the first one's session cookie, as a fixation attempt would.
    const signIn = (session = "") =>
      callAuthRoute(
        route.POST,
        new Request(`${ORIGIN}/api/auth/callback/credentials`, {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            origin: ORIGIN,
            cookie: [...csrfCookie.map((c) => c.split(";")[0]), ...(session ? [session] : [])].join("; "),
          },
          body: new URLSearchParams({ email: u.email, password: PASSWORD, csrfToken, json: "true" }),
        }),
      );
    const sessions: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await signIn(sessions[0]);
      expect(res.status).toBe(200);
      const set = res.headers.getSetCookie().find((c) => c.startsWith("__Secure-next-auth.session-token="));
      expect(set).toMatch(/;\s*Secure/i);
      expect(set).toMatch(/HttpOnly/i);
      expect(set).toMatch(/SameSite=Lax/i);
      sessions.push(set!.split(";")[0]!);
    }
    const sids = await Promise.all(
      sessions.map(
        async (c) => (await decode({ token: c.slice(c.indexOf("=") + 1), secret: env.nextauthSecret }))?.sid,
      ),
    );
    expect(sids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sids[1]).not.toBe(sids[0]);
  });
});
