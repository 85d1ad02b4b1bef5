import { type Sandbox, type SandboxOptions, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, startSandbox } from "@/lib/ingram/sandbox/start-sandbox";

export interface ApiResult {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface Harness {
  sb: Sandbox;
  token: string;
  api(method: string, path: string, init?: { body?: unknown; headers?: Record<string, string>; raw?: string }): Promise<ApiResult>;
  newToken(): Promise<string>;
}

export async function fetchToken(sb: Sandbox): Promise<string> {
  const res = await fetch(sb.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: SANDBOX_CLIENT_ID, client_secret: SANDBOX_CLIENT_SECRET }),
  });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export const imHeaders = (token: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  "IM-CustomerNumber": "20-222222",
  "IM-CountryCode": "US",
  "IM-CorrelationID": "0123456789abcdef0123456789abcdef",
  "IM-SenderID": "orderdesk-tests",
});

export async function harness(opts: SandboxOptions = {}): Promise<Harness> {
  const sb = await startSandbox({ rateLimitPerMinute: null, orderCount: 600, ...opts });
  const h: Harness = {
    sb,
    token: await fetchToken(sb),
    newToken: () => fetchToken(sb),
    async api(method, path, init = {}) {
      const headers: Record<string, string> = { ...imHeaders(h.token), ...init.headers };
      let body: string | undefined = init.raw;
      if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers["content-type"] = "application/json";
      }
      const res = await fetch(sb.url + path, { method, headers, body, redirect: "manual" });
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, headers: res.headers, text, json };
    },
  };
  return h;
}
