// Company SSO end to end: next-auth's real route handler and openid-client against a loopback identity provider.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import NextAuth from "next-auth";
import { createAuthOptions } from "@/lib/auth/auth-options";
import { type AuthRouteHandler, cappedAuthPost } from "@/lib/auth/auth-post";
import { OIDC_PROVIDER_ID, oidcProvider } from "@/lib/auth/oidc";
import { bcryptHasher } from "@/lib/auth/password";
import { env } from "@/lib/env.mjs";
import { useTestDatabase } from "@/tests/support/db";
import { type FakeIdentity, type FakeOidc, startFakeOidc } from "@/tests/support/fake-oidc";
import { callAuthRoute } from "@/tests/support/request-scope";
import { actorFor, makeUser, sessionCookieName } from "@/tests/support/session";

const ORIGIN = new URL(env.nextauthUrl).origin;
const CALLBACK = `${ORIGIN}/api/auth/callback/${OIDC_PROVIDER_ID}`;
const t = useTestDatabase();
let idp: FakeOidc;
let handler: (req: Request) => Promise<Response>;

/** The identity provider as configured: strict (the default) or trusted to vouch for every email. */
let trustEmail = false;

beforeAll(async () => {
  idp = await startFakeOidc();
  const sso = oidcProvider({
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    name: "Test SSO",
  });
  const build = (oidcTrustEmail: boolean) => {
    const base = createAuthOptions({ hasher: bcryptHasher, trustProxy: 0, oidcTrustEmail });
    const providers = [...base.providers.filter((p) => p.id !== OIDC_PROVIDER_ID), sso];
    // The route file's GET and POST, over options that add the test identity provider.
    const nextAuth: AuthRouteHandler = NextAuth({ ...base, providers });
    const post = cappedAuthPost(nextAuth);
    return (req: Request) => callAuthRoute(req.method === "POST" ? post : nextAuth, req);
  };
  const strict = build(false);
  const trusting = build(true);
  handler = (req) => (trustEmail ? trusting : strict)(req);
});
afterAll(async () => {
  await idp?.close();
});
afterEach(() => {
  idp.tamper = {};
  trustEmail = false;
});

type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

function absorb(jar: Jar, res: Response) {
  for (const set of res.headers.getSetCookie()) {
    const [pair = "", ...attrs] = set.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
    if (expired) jar.delete(name);
    else jar.set(name, pair.slice(eq + 1));
  }
}

/** A browser going through "Sign in with SSO": csrf → signin POST → IdP /authorize → our callback. */
async function ssoSignIn(identity: FakeIdentity, opts: { callbackUrl?: string; foreignBrowser?: boolean } = {}) {
  idp.identity = identity;
  const jar: Jar = new Map();
  const csrfRes = await handler(new Request(`${ORIGIN}/api/auth/csrf`));
  absorb(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };

  const start = await handler(
    new Request(`${ORIGIN}/api/auth/signin/${OIDC_PROVIDER_ID}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, cookie: cookieHeader(jar) },
      body: new URLSearchParams({ csrfToken, callbackUrl: opts.callbackUrl ?? "/orders" }),
    }),
  );
  expect(start.status).toBe(302);
  absorb(jar, start);
  const authorizeUrl = start.headers.get("location") ?? "";
  expect(authorizeUrl.startsWith(`${idp.issuer}/authorize?`)).toBe(true);

  const atIdp = await fetch(authorizeUrl, { redirect: "manual" });
  expect(atIdp.status).toBe(302);
  const back = atIdp.headers.get("location") ?? "";
  expect(back.startsWith(`${CALLBACK}?`)).toBe(true);

  const callback = await handler(
    new Request(back, { headers: { cookie: opts.foreignBrowser ? "" : cookieHeader(jar) } }),
  );
  absorb(jar, callback);
  expect(callback.status).toBe(302);
  let location = callback.headers.get("location") ?? "";
  // A refusal hops through next-auth's /api/auth/error (and /api/auth/signin) on to our pages.error / signIn.
  for (let hops = 0; hops < 3 && /^\/api\/auth\/(error|signin)$/.test(new URL(location).pathname); hops++) {
    const hop = await handler(new Request(location, { headers: { cookie: cookieHeader(jar) } }));
    expect(hop.status).toBe(302);
    absorb(jar, hop);
    location = new URL(hop.headers.get("location") ?? "", ORIGIN).toString();
  }
  return { location, session: jar.get(sessionCookieName()), jar };
}

const identityFor = (email: string, extra: Partial<FakeIdentity> = {}): FakeIdentity => ({
  sub: `idp-${randomBytes(6).toString("hex")}`,
  email,
  email_verified: true,
  name: "SSO Person",
  ...extra,
});

async function failedSignIns(email: string) {
  const rows = await t.db.auditEvent.findMany({ where: { action: "user.sign_in", outcome: "failed" } });
  return rows.filter((r) => (r.request as { email?: string } | null)?.email === email);
}

function expectRefused(result: { location: string; session?: string }, error: string) {
  expect(result.session).toBeUndefined();
  const url = new URL(result.location);
  expect(url.origin + url.pathname).toBe(`${ORIGIN}/login`);
  expect(url.searchParams.get("error")).toBe(error);
}

describe("company SSO (OpenID Connect) through the real next-auth route handler", () => {
  it("signs an existing, enabled user in: PKCE + state, client auth, session cookie, getActor, audit", async () => {
    const u = await makeUser(t.db, "buyer");
    const authorizations = idp.authorizations.length;
    const result = await ssoSignIn(identityFor(u.email.toUpperCase()), { callbackUrl: "/orders/20-RD128" });

    expect(result.location).toBe(`${ORIGIN}/orders/20-RD128`);
    const auth = idp.authorizations.at(-1)!;
    expect(idp.authorizations).toHaveLength(authorizations + 1);
    expect(auth).toMatchObject({ clientId: idp.clientId, redirectUri: CALLBACK, codeChallengeMethod: "S256" });
    expect(auth.state).toMatch(/^[\w-]{20,}$/);
    expect(auth.codeChallenge).toMatch(/^[\w-]{43}$/);
    expect(auth.scope?.split(" ")).toEqual(expect.arrayContaining(["openid", "email"]));
    expect(idp.tokenRequests.at(-1)).toEqual({ authMethod: "basic", status: 200 });
    // The one-time state and PKCE cookies are spent by the callback.
    expect([...result.jar.keys()].filter((k) => /state|pkce/.test(k))).toEqual([]);

    expect(result.session).toBeTruthy();
    const cookie = `${sessionCookieName()}=${result.session}`;
    const actor = await actorFor(cookie);
    expect(actor).toMatchObject({ id: u.id, email: u.email, role: "buyer" });
    const audit = await t.db.auditEvent.findMany({
      where: { action: "user.sign_in", outcome: "succeeded", actorId: u.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.request).toMatchObject({ provider: OIDC_PROVIDER_ID });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).lastSignInAt).not.toBeNull();
  });

  it("refuses an email with no portal account and creates nobody", async () => {
    const email = `nobody-${randomBytes(4).toString("hex")}@test.local`;
    const users = await t.db.user.count();
    expectRefused(await ssoSignIn(identityFor(email)), "AccessDenied");
    expect(await t.db.user.count()).toBe(users);
    expect((await failedSignIns(email)).map((r) => r.after)).toEqual([{ reason: "unknown_account" }]);
  });

  it("refuses a disabled user", async () => {
    const u = await makeUser(t.db, "buyer", { disabled: true });
    expectRefused(await ssoSignIn(identityFor(u.email)), "AccessDenied");
    expect((await failedSignIns(u.email)).map((r) => r.after)).toEqual([{ reason: "disabled" }]);
    expect(
      await t.db.auditEvent.count({ where: { action: "user.sign_in", outcome: "succeeded", actorId: u.id } }),
    ).toBe(0);
  });

  it("refuses an email the identity provider marks as unverified", async () => {
    const u = await makeUser(t.db, "viewer");
    expectRefused(await ssoSignIn(identityFor(u.email, { email_verified: false })), "AccessDenied");
    expect((await failedSignIns(u.email)).map((r) => r.after)).toEqual([{ reason: "email_unverified" }]);
  });

  it("refuses an identity whose email_verified is missing or a string, unless the provider is trusted", async () => {
    const u = await makeUser(t.db, "admin");
    expectRefused(await ssoSignIn(identityFor(u.email, { email_verified: undefined })), "AccessDenied");
    expectRefused(await ssoSignIn(identityFor(u.email, { email_verified: "false" })), "AccessDenied");
    expectRefused(await ssoSignIn(identityFor(u.email, { email_verified: "true" })), "AccessDenied");
    expect((await failedSignIns(u.email)).map((r) => r.after)).toEqual(Array(3).fill({ reason: "email_unverified" }));

    trustEmail = true;
    expectRefused(await ssoSignIn(identityFor(u.email, { email_verified: false })), "AccessDenied");
    expectRefused(await ssoSignIn(identityFor(u.email, { email_verified: "false" })), "AccessDenied");
    expect((await ssoSignIn(identityFor(u.email, { email_verified: undefined }))).session).toBeTruthy();
  });

  it("binds the provider's subject at the first SSO sign-in and refuses another subject with the same email", async () => {
    const u = await makeUser(t.db, "admin");
    const first = identityFor(u.email);
    expect((await ssoSignIn(first)).session).toBeTruthy();
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).oidcSubject).toBe(first.sub);

    expectRefused(await ssoSignIn(identityFor(u.email)), "AccessDenied");
    expect((await failedSignIns(u.email)).map((r) => r.after)).toEqual([{ reason: "subject_mismatch" }]);
    expect((await ssoSignIn(identityFor(u.email, { sub: first.sub }))).session).toBeTruthy();
  });

  it.each([
    ["a signature by a key outside the issuer's JWKS", { foreignKey: true }],
    ["another client's audience", { audience: "some-other-client" }],
    ["another issuer", { issuer: "http://127.0.0.1:1/evil" }],
  ])("refuses an id_token with %s", async (_label, tamper) => {
    const u = await makeUser(t.db, "admin");
    idp.tamper = tamper;
    const result = await ssoSignIn(identityFor(u.email));
    // The IdP did issue tokens: the refusal is the relying party rejecting the id_token.
    expect(idp.tokenRequests.at(-1)).toEqual({ authMethod: "basic", status: 200 });
    expectRefused(result, "OAuthCallback");
    expect(
      await t.db.auditEvent.count({ where: { action: "user.sign_in", outcome: "succeeded", actorId: u.id } }),
    ).toBe(0);
  });

  it("refuses a callback replayed in another browser (no state/PKCE cookies) before redeeming the code", async () => {
    const u = await makeUser(t.db, "buyer");
    const tokenRequests = idp.tokenRequests.length;
    expectRefused(await ssoSignIn(identityFor(u.email), { foreignBrowser: true }), "OAuthCallback");
    expect(idp.tokenRequests).toHaveLength(tokenRequests);
  });
});
