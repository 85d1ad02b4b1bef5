import { compare } from "bcryptjs";
import { beforeEach, describe, expect, it } from "vitest";
import NextAuth from "next-auth";
import { decode } from "next-auth/jwt";
import * as route from "@/app/api/auth/[...nextauth]/route";
import { createAuthOptions } from "@/lib/auth/auth-options";
import { type AuthRouteHandler, cappedAuthPost } from "@/lib/auth/auth-post";
import { DUMMY_HASH, type PasswordHasher } from "@/lib/auth/password";
import { signInThrottleState } from "@/lib/auth/throttle";
import { env } from "@/lib/env.mjs";
import * as ordersRoute from "@/app/api/orders/route";
import { callAuthRoute, callRoute } from "@/tests/support/request-scope";
import { actorFor, makeUser, sessionCookieName } from "@/tests/support/session";
import { useTestDatabase } from "@/tests/support/db";

const ORIGIN = new URL(env.nextauthUrl).origin;
const PASSWORD = "correct horse battery";
const t = useTestDatabase();
beforeEach(async () => {
  await t.db.loginThrottle.deleteMany({});
});

type Handler = (req: Request) => Promise<Response>;
// The route file's handlers, called as Next calls them (its router supplies the [...nextauth] segments).
const GET: Handler = (req) => callAuthRoute(route.GET, req);
const POST: Handler = (req) => callAuthRoute(route.POST, req);
const cookiesOf = (res: Response) => res.headers.getSetCookie();
const pair = (setCookie: string) => setCookie.split(";")[0]!;

async function csrf(get: Handler) {
  const res = await get(new Request(`${ORIGIN}/api/auth/csrf`));
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { csrfToken, cookie: cookiesOf(res).map(pair).join("; ") };
}

async function signIn(
  post: Handler,
  get: Handler,
  email: string,
  password: string,
  extra: Record<string, string> = {},
) {
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
    // The device cookie that lets this browser past the delay strangers' guesses put on the account.
    const device = cookiesOf(res).find((c) => c.startsWith("orderdesk.device="));
    expect(device).toMatch(/HttpOnly/i);
    expect(device).toMatch(/SameSite=Strict/i);
    expect(device).toMatch(/Path=\/api\/auth;/);
    const actor = await actorFor(pair(set));
    expect(actor).toMatchObject({ id: u.id, role: "buyer" });
    const audit = await t.db.auditEvent.findMany({
      where: { action: "user.sign_in", outcome: "succeeded", actorId: u.id },
    });
    expect(audit).toHaveLength(1);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).lastSignInAt).not.toBeNull();

    const again = sessionSetCookie(await signIn(POST, GET, u.email, PASSWORD))!;
    expect(pair(again)).not.toBe(pair(set));

    const session = await GET(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie: pair(set) } }));
    expect(await session.json()).toMatchObject({ user: { id: u.id, role: "buyer" } });
  });

  it("the session token next-auth mints carries only session id, user id, role, session version and sign-in time", async () => {
    const u = await makeUser(t.db, "viewer", { password: PASSWORD });
    const token = pair(sessionSetCookie(await signIn(POST, GET, u.email, PASSWORD))!)
      .split("=")
      .slice(1)
      .join("=");
    const payload = await decode({ token, secret: env.nextauthSecret });
    expect(Object.keys(payload ?? {}).sort()).toEqual(["at", "exp", "iat", "jti", "role", "sid", "sub", "sv"]);
    expect(payload).toMatchObject({ sub: u.id, role: "viewer", sv: u.sessionVersion });
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

  it("answers a throttled account 429 + Retry-After with error=TooManyAttempts and no session, hashing at most 5 times in 200 tries", async () => {
    let compares = 0;
    const hasher: PasswordHasher = {
      hash: async () => "",
      compare: async (p, h) => {
        compares++;
        return h === DUMMY_HASH ? false : compare(p, h);
      },
    };
    // The route file's wiring (same-origin check and capped body in front of NextAuth) over counting options.
    const nextAuth: AuthRouteHandler = NextAuth(createAuthOptions({ hasher, trustProxy: 0 }));
    const post = cappedAuthPost(nextAuth);
    const handler: Handler = (req) => callAuthRoute(req.method === "POST" ? post : nextAuth, req);
    const u = await makeUser(t.db, "buyer", { password: PASSWORD });
    const errors: (string | null)[] = [];
    const statuses: number[] = [];
    let sessions = 0;
    for (let i = 0; i < 200; i++) {
      const res = await signIn(handler, handler, u.email, `wrong-${i}`);
      statuses.push(res.status);
      if (sessionSetCookie(res)) sessions++;
      errors.push(new URL(((await res.json()) as { url: string }).url).searchParams.get("error"));
    }
    expect(compares).toBe(5);
    expect(sessions).toBe(0);
    // Wrong passwords answer next-auth's 401; once throttled, 429 with Retry-After; the reason is in the url.
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(401));
    expect(statuses.slice(5)).toEqual(Array(195).fill(429));
    expect(errors.slice(0, 5)).toEqual(Array(5).fill("CredentialsSignin"));
    // The literal the login page reads (login-form.tsx), not the constant: a changed code would pass against itself.
    expect(errors.slice(5).every((e) => e === "TooManyAttempts")).toBe(true);
    // One address guessing at one account waits out the whole window.
    const state = await signInThrottleState(u.email);
    expect(state.throttled).toBe(true);
    expect(state.retryAfterSeconds).toBeGreaterThan(800);
    // Even the right password is refused, unhashed, while throttled.
    const right = await signIn(handler, handler, u.email, PASSWORD);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(sessionSetCookie(right)).toBeUndefined();
    expect(new URL(((await right.json()) as { url: string }).url).searchParams.get("error")).toBe("TooManyAttempts");
    expect(compares).toBe(5);
  });

  it("refuses an oversized or malformed sign-in body before next-auth reads it", async () => {
    const { csrfToken, cookie } = await csrf(GET);
    const headers = { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, cookie };
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(97);
    // 180 MB offered lazily: the reader must stop at the cap, not after buffering it all.
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 180 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const big = await POST(
      new Request(`${ORIGIN}/api/auth/callback/credentials`, {
        method: "POST",
        headers,
        body: huge,
        duplex: "half",
      } as RequestInit),
    );
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    expect(pulled).toBeLessThan(1024 * 1024);

    const declared = await POST(
      new Request(`${ORIGIN}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { ...headers, "content-length": String(180 * 1024 * 1024) },
        body: `csrfToken=${csrfToken}`,
      }),
    );
    expect(declared.status).toBe(413);

    const badJson = await POST(
      new Request(`${ORIGIN}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: "{not json",
      }),
    );
    expect(badJson.status).toBe(400);
  });

  it("sign-out ends the session on the server: a copy of the cookie replayed afterwards is refused", async () => {
    const u = await makeUser(t.db, "buyer", { password: PASSWORD });
    const cookie = pair(sessionSetCookie(await signIn(POST, GET, u.email, PASSWORD))!);
    const other = pair(sessionSetCookie(await signIn(POST, GET, u.email, PASSWORD))!);
    const { csrfToken, cookie: csrfCookie } = await csrf(GET);
    const out = await POST(
      new Request(`${ORIGIN}/api/auth/signout`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: ORIGIN,
          cookie: `${cookie}; ${csrfCookie}`,
        },
        body: new URLSearchParams({ csrfToken, json: "true" }),
      }),
    );
    expect(out.status).toBe(200);
    const replay = await callRoute(ordersRoute.GET, new Request(`${ORIGIN}/api/orders`, { headers: { cookie } }));
    expect(replay.status).toBe(401);
    expect(await actorFor(cookie)).toBeNull();
    const session = await GET(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie } }));
    expect(await session.json()).toEqual({});
    // Only that session: the same user's session in another browser goes on.
    expect(await actorFor(other)).toMatchObject({ id: u.id });
  });

  it("signs out (cookie cleared) and a disabled user's session stops at once", async () => {
    const u = await makeUser(t.db, "buyer", { password: PASSWORD });
    const cookie = pair(sessionSetCookie(await signIn(POST, GET, u.email, PASSWORD))!);
    const { csrfToken, cookie: csrfCookie } = await csrf(GET);
    const out = await POST(
      new Request(`${ORIGIN}/api/auth/signout`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: ORIGIN,
          cookie: `${cookie}; ${csrfCookie}`,
        },
        body: new URLSearchParams({ csrfToken, json: "true" }),
      }),
    );
    expect(out.status).toBe(200);
    expect(sessionSetCookie(out)).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);

    await t.db.user.update({ where: { id: u.id }, data: { disabled: true, sessionVersion: { increment: 1 } } });
    const session = await GET(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie } }));
    expect(await session.json()).toEqual({});
    expect(sessionSetCookie(session)).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(await actorFor(cookie)).toBeNull();
  });
});
