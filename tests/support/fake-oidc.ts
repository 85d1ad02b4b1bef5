// A minimal OpenID Connect identity provider on loopback for integration tests: discovery, authorization code
// flow with PKCE (S256), client authentication (basic or post), RS256 id_tokens, JWKS and userinfo.
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, exportJWK } from "jose";

export interface FakeIdentity {
  sub: string;
  email?: string;
  /** A string, or absent, is what careless providers send; the portal must not take it for true. */
  email_verified?: boolean | string;
  name?: string;
}

/** Ways to spoil the next id_tokens, to prove the relying party checks them. */
export interface IdTokenTampering {
  /** Sign with a key that is not in the JWKS (same `kid`). */
  foreignKey?: boolean;
  audience?: string;
  issuer?: string;
}

export interface AuthorizeRecord {
  clientId: string | null;
  state: string | null;
  nonce: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  redirectUri: string | null;
  scope: string | null;
}

export interface TokenRecord {
  authMethod: "basic" | "post" | "none";
  status: number;
  error?: string;
}

export interface FakeOidc {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who "logs in" at the next /authorize. */
  identity: FakeIdentity;
  tamper: IdTokenTampering;
  authorizations: AuthorizeRecord[];
  tokenRequests: TokenRecord[];
  close(): Promise<void>;
}

interface Grant {
  identity: FakeIdentity;
  auth: AuthorizeRecord;
  used: boolean;
}

const KID = "fake-oidc-key-1";
const b64url = (buf: Buffer) => buf.toString("base64url");
const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeOidc(opts: { clientId?: string; clientSecret?: string } = {}): Promise<FakeOidc> {
  const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const foreign = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: KID, alg: "RS256", use: "sig" };
  const grants = new Map<string, Grant>();
  const accessTokens = new Map<string, FakeIdentity>();

  const fake: FakeOidc = {
    issuer: "",
    clientId: opts.clientId ?? "orderdesk-portal",
    clientSecret: opts.clientSecret ?? randomBytes(16).toString("hex"),
    identity: { sub: "fake-sub", email: "someone@test.local", email_verified: true },
    tamper: {},
    authorizations: [],
    tokenRequests: [],
    close: async () => {},
  };

  async function idToken(grant: Grant): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = { ...grant.identity };
    if (grant.auth.nonce) claims.nonce = grant.auth.nonce;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: KID, typ: "JWT" })
      .setIssuer(fake.tamper.issuer ?? fake.issuer)
      .setAudience(fake.tamper.audience ?? fake.clientId)
      .setSubject(grant.identity.sub)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(fake.tamper.foreignKey ? foreign.privateKey : keys.privateKey);
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "");
    let id: string | null = form.get("client_id");
    let secret: string | null = form.get("client_secret");
    let authMethod: TokenRecord["authMethod"] = secret ? "post" : "none";
    if (basic) {
      const pair = Buffer.from(basic[1]!, "base64").toString("utf8");
      const colon = pair.indexOf(":");
      [id, secret, authMethod] = [formDecode(pair.slice(0, colon)), formDecode(pair.slice(colon + 1)), "basic"];
    }
    const refuse = (status: number, error: string) => {
      fake.tokenRequests.push({ authMethod, status, error });
      send(res, status, { error });
    };
    if (id !== fake.clientId || secret !== fake.clientSecret) return refuse(401, "invalid_client");
    if (form.get("grant_type") !== "authorization_code") return refuse(400, "unsupported_grant_type");
    const grant = grants.get(form.get("code") ?? "");
    if (!grant || grant.used || grant.auth.clientId !== id) return refuse(400, "invalid_grant");
    grant.used = true;
    if (form.get("redirect_uri") !== grant.auth.redirectUri) return refuse(400, "invalid_grant");
    const verifier = form.get("code_verifier");
    const challenge = verifier ? b64url(createHash("sha256").update(verifier).digest()) : null;
    if (grant.auth.codeChallengeMethod !== "S256" || !challenge || challenge !== grant.auth.codeChallenge) {
      return refuse(400, "invalid_grant");
    }
    const accessToken = b64url(randomBytes(24));
    accessTokens.set(accessToken, grant.identity);
    fake.tokenRequests.push({ authMethod, status: 200 });
    send(res, 200, {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: 300,
      id_token: await idToken(grant),
    });
  }

  function authorize(url: URL, res: ServerResponse) {
    const q = url.searchParams;
    const auth: AuthorizeRecord = {
      clientId: q.get("client_id"),
      state: q.get("state"),
      nonce: q.get("nonce"),
      codeChallenge: q.get("code_challenge"),
      codeChallengeMethod: q.get("code_challenge_method"),
      redirectUri: q.get("redirect_uri"),
      scope: q.get("scope"),
    };
    fake.authorizations.push(auth);
    if (q.get("response_type") !== "code" || !auth.redirectUri) return send(res, 400, { error: "invalid_request" });
    const code = b64url(randomBytes(24));
    grants.set(code, { identity: { ...fake.identity }, auth, used: false });
    const back = new URL(auth.redirectUri);
    back.searchParams.set("code", code);
    if (auth.state !== null) back.searchParams.set("state", auth.state);
    back.searchParams.set("iss", fake.issuer);
    res.writeHead(302, { location: back.toString() });
    res.end();
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", fake.issuer);
    const route = `${req.method} ${url.pathname}`;
    const fail = (err: unknown) => send(res, 500, { error: "server_error", detail: String(err) });
    if (route === "GET /.well-known/openid-configuration") {
      return send(res, 200, {
        issuer: fake.issuer,
        authorization_endpoint: `${fake.issuer}/authorize`,
        token_endpoint: `${fake.issuer}/token`,
        jwks_uri: `${fake.issuer}/jwks`,
        userinfo_endpoint: `${fake.issuer}/userinfo`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        code_challenge_methods_supported: ["S256"],
        scopes_supported: ["openid", "email", "profile"],
      });
    }
    if (route === "GET /authorize") return authorize(url, res);
    if (route === "POST /token") return void token(req, res).catch(fail);
    if (route === "GET /jwks") return send(res, 200, { keys: [jwk] });
    if (route === "GET /userinfo") {
      const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
      const who = bearer ? accessTokens.get(bearer) : undefined;
      return who ? send(res, 200, who) : send(res, 401, { error: "invalid_token" });
    }
    send(res, 404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    });
  return fake;
}
