import { compare } from "bcryptjs";
import { beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { createAuthOptions } from "@/lib/auth";
import { createAuthRouteHandler } from "@/lib/auth/handler";
import { DUMMY_HASH, type PasswordHasher } from "@/lib/auth/password";
import { getActor } from "@/lib/auth/session";
import { sessionCookieName } from "@/lib/auth/token";
import { env } from "@/lib/env.mjs";
import { makeUser } from "@/tests/support/session";
import { useTestDatabase } from "@/tests/support/db";

const ORIGIN = new URL(env.nextauthUrl).origin;
const PASSWORD = "correct horse battery";
const t = useTestDatabase();
beforeEach(async () => {
  await t.db.loginThrottle.deleteMany({});
});

type Handler = (req: Request) => Promise<Response>;
const cookiesOf = (res: Response) => res.headers.getSetCookie();
const pair = (setCookie: string) => setCookie.split(";")[0]!;

async function csrf(get: Handler) {
  const res = await get(new Request(`${ORIGIN}/api/auth/csrf`));
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { csrfToken, cookie: cookiesOf(res).map(pair).join("; ") };
}

async function signIn(post: Handler, get: Handler, email: string, password: string, extra: Record<string, string> = {}) {
  const { csrfToken, cookie } = await csrf(get);
  return post(
    new Request(`${ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, cookie },
      body: new URLSearchParams({ email, password, csrfToken, json: "true", ...extra }),
    }),
  );
}

const sessionSetCookie = (res: Response) => cookiesOf(res).find((c) => c.startsWith(`${sessionCookieName()}=`));

describe("next-auth credentials flow through the route handler", () => {
  it("signs in with a real CSRF token: fresh HttpOnly SameSite=Lax session, audit row, getActor works", async () => {
    const u = await makeUser(t.db, "buyer", { password: PASSWORD });
    const res = await signIn(POST, GET, u.email, PASSWORD, { callbackUrl: "/orders/20-RD128" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { url: string }).url).toBe(`${ORIGIN}/orders/20-RD128`);
    const set = sessionSetCookie(res)!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(/Path=\//);
    const actor = await getActor(new Request(`${ORIGIN}/x`, { headers: { cookie: pair(set) } }));
    expect(actor).toMatchObject({ id: u.id, role: "buyer" });
    const audit = await t.db.auditEvent.findMany({ where: { action: "user.sign_in", actorId: u.id } });
    expect(audit).toHaveLength(1);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).lastSignInAt).not.toBeNull();

    const again = sessionSetCookie(await signIn(POST, GET, u.email, PASSWORD))!;
    expect(pair(again)).not.toBe(pair(set));

    const session = await GET(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie: pair(set) } }));
    expect(await session.json()).toMatchObject({ user: { id: u.id, role: "buyer" } });
  });

  it("keeps hostile callbackUrls on our own origin", async () => {
    const u = await makeUser(t.db, "viewer", { password: PASSWORD });
    for (const callbackUrl of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
      const res = await signIn(POST, GET, u.email, PASSWORD, { callbackUrl });
      const url = ((await res.json()) as { url: string }).url;
      expect(new URL(url).origin).toBe(ORIGIN);
    }
  });

  it("refuses a wrong password, a missing CSRF token, and a cross-site POST", async () => {
    const u = await makeUser(t.db, "viewer", { password: PASSWORD });
    const bad = await signIn(POST, GET, u.email, "wrong password!");
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { url: string }).url).toContain("error=CredentialsSignin");
    expect(sessionSetCookie(bad)).toBeUndefined();

    const noCsrf = await POST(
      new Request(`${ORIGIN}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
        body: new URLSearchParams({ email: u.email, password: PASSWORD, json: "true" }),
      }),
    );
    expect(sessionSetCookie(noCsrf)).toBeUndefined();

    for (const origin of ["https://evil.example", "null", undefined]) {
      const { csrfToken, cookie } = await csrf(GET);
      const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", cookie };
      if (origin) headers.origin = origin;
      const res = await POST(
        new Request(`${ORIGIN}/api/auth/callback/credentials`, {
          method: "POST",
          headers,
          body: new URLSearchParams({ email: u.email, password: PASSWORD, csrfToken, json: "true" }),
        }),
      );
      expect(res.status).toBe(403);
    }
  });

  it("answers 429 + Retry-After once an account is throttled, hashing at most 5 times in 200 tries", async () => {
    let compares = 0;
    const hasher: PasswordHasher = {
      hash: async () => "",
      compare: async (p, h) => {
        compares++;
        return h === DUMMY_HASH ? false : compare(p, h);
      },
    };
    const handler = createAuthRouteHandler(createAuthOptions({ hasher, trustProxy: false }), { trustProxy: false });
    const u = await makeUser(t.db, "buyer", { password: PASSWORD });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 200; i++) {
      last = await signIn(handler, handler, u.email, `wrong-${i}`);
      statuses.push(last.status);
    }
    expect(compares).toBe(5);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(800);
    const body = (await last!.json()) as { url: string; error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/Too many attempts; try again in 1[45] minutes/);
    expect(new URL(body.url).searchParams.get("error")).toBe("TooManyAttempts");
  });

  it("signs out (cookie cleared) and a disabled user's session stops at once", async () => {
    const u = await makeUser(t.db, "buyer", { password: PASSWORD });
    const cookie = pair(sessionSetCookie(await signIn(POST, GET, u.email, PASSWORD))!);
    const { csrfToken, cookie: csrfCookie } = await csrf(GET);
    const out = await POST(
      new Request(`${ORIGIN}/api/auth/signout`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, cookie: `${cookie}; ${csrfCookie}` },
        body: new URLSearchParams({ csrfToken, json: "true" }),
      }),
    );
    expect(out.status).toBe(200);
    expect(sessionSetCookie(out)).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);

    await t.db.user.update({ where: { id: u.id }, data: { disabled: true, sessionVersion: { increment: 1 } } });
    const session = await GET(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie } }));
    expect(await session.json()).toEqual({});
    expect(sessionSetCookie(session)).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(await getActor(new Request(`${ORIGIN}/x`, { headers: { cookie } }))).toBeNull();
  });
});
