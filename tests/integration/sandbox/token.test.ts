import { describe, expect, it } from "vitest";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "@/lib/ingram/sandbox/start-sandbox";
import { useHarness } from "./helpers.ts";

describe("sandbox token endpoint", () => {
  const h = useHarness({ tokenTtlSeconds: 600, orderCount: 10 });

  const form = (params: Record<string, string>) => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params).toString(),
  });
  const good = { grant_type: "client_credentials", client_id: SANDBOX_CLIENT_ID, client_secret: SANDBOX_CLIENT_SECRET };

  it("issues a bearer token for the POST form with expires_in as a string", async () => {
    const res = await fetch(h.sb.tokenUrl, form(good));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: "600" });
    expect(body.access_token.length).toBeGreaterThan(20);
  });

  it("issues a token for the GET query form and under the /sandbox prefix", async () => {
    const res = await fetch(`${h.sb.tokenUrl}?${new URLSearchParams(good)}`);
    expect(res.status).toBe(200);
    const prefixed = await fetch(`${h.sb.url}/sandbox/oauth/oauth20/token?${new URLSearchParams(good)}`);
    expect(prefixed.status).toBe(200);
  });

  it("rejects bad credentials with a gateway fault and missing parameters with 400 {message}", async () => {
    const bad = await fetch(h.sb.tokenUrl, form({ ...good, client_secret: "wrong" }));
    expect(bad.status).toBe(401);
    const fault = await bad.json();
    expect(fault.fault.faultstring).toEqual(expect.any(String));
    expect(fault.fault.detail.errorcode).toEqual(expect.any(String));

    const missing = await fetch(
      h.sb.tokenUrl,
      form({ grant_type: "client_credentials", client_id: SANDBOX_CLIENT_ID }),
    );
    expect(missing.status).toBe(400);
    expect((await missing.json()).message).toMatch(/client_secret/);

    const grant = await fetch(h.sb.tokenUrl, form({ ...good, grant_type: "password" }));
    expect(grant.status).toBe(400);
  });

  it("a token stops working after tokenTtlSeconds of sandbox time", async () => {
    const token = await h.newToken();
    h.token = token;
    const before = await h.api("GET", "/resellers/v6/orders/search?customerOrderNumber=ROLLOUT&pageSize=1");
    expect(before.status).toBe(200);
    h.sb.clock.advance(599_000);
    expect((await h.api("GET", "/resellers/v6/orders/search?customerOrderNumber=ROLLOUT&pageSize=1")).status).toBe(200);
    h.sb.clock.advance(2_000);
    const after = await h.api("GET", "/resellers/v6/orders/search?customerOrderNumber=ROLLOUT&pageSize=1");
    expect(after.status).toBe(401);
    expect(after.json.fault.faultstring).toMatch(/Invalid Access Token/);
  });

  it("revokeAllTokens forces a 401 until a new token is fetched", async () => {
    h.token = await h.newToken();
    expect((await h.api("GET", "/resellers/v6/orders/search?customerOrderNumber=ROLLOUT&pageSize=1")).status).toBe(200);
    h.sb.revokeAllTokens();
    expect((await h.api("GET", "/resellers/v6/orders/search?customerOrderNumber=ROLLOUT&pageSize=1")).status).toBe(401);
    h.token = await h.newToken();
    expect((await h.api("GET", "/resellers/v6/orders/search?customerOrderNumber=ROLLOUT&pageSize=1")).status).toBe(200);
  });

  it("unknown or missing bearer tokens are refused", async () => {
    const res = await h.api("GET", "/resellers/v6/orders/search", { headers: { authorization: "Bearer nope" } });
    expect(res.status).toBe(401);
    const none = await h.api("GET", "/resellers/v6/orders/search", { headers: { authorization: "" } });
    expect(none.status).toBe(401);
  });

  it("counts token requests and redacts the secret in the request log", async () => {
    h.sb.stats.reset();
    await fetch(h.sb.tokenUrl, form(good));
    expect(h.sb.stats.count("token")).toBe(1);
    expect(JSON.stringify(h.sb.stats.requests)).not.toContain(SANDBOX_CLIENT_SECRET);
  });
});
