import { useLifecycle } from "@/tests/support/lifecycle";
import {
  type Sandbox,
  type SandboxOptions,
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  startSandbox,
} from "@/lib/ingram/sandbox/start-sandbox";

/** A sandbox reply body as the tests read it: parsed JSON, shape checked by each assertion. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of many shapes; the assertions check it.
export type SandboxJson = any;

export interface ApiResult {
  status: number;
  headers: Headers;
  text: string;
  json: SandboxJson;
}

export interface Harness {
  sb: Sandbox;
  token: string;
  api(
    method: string,
    path: string,
    init?: { body?: unknown; headers?: Record<string, string>; raw?: string },
  ): Promise<ApiResult>;
  newToken(): Promise<string>;
}

export async function fetchToken(sb: Sandbox): Promise<string> {
  const res = await fetch(sb.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: SANDBOX_CLIENT_ID,
      client_secret: SANDBOX_CLIENT_SECRET,
    }),
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

/** A harness for the calling suite: started in beforeAll, closed in afterAll. `opts` may be a function, read at start. */
export function useHarness(opts: SandboxOptions | (() => SandboxOptions) = {}): Harness {
  const life = useLifecycle(
    "the sandbox harness",
    () => harness(typeof opts === "function" ? opts() : opts),
    (h) => h.sb.close(),
  );
  return {
    get sb() {
      return life.get().sb;
    },
    get token() {
      return life.get().token;
    },
    set token(value) {
      life.get().token = value;
    },
    api: (method, path, init) => life.get().api(method, path, init),
    newToken: () => life.get().newToken(),
  };
}
