// The baseline the portal is measured against: a bare node:http proxy that holds one Ingram token and streams
// GET /orders/{n} and GET /orders?… to the sandbox's v6.1 detail and v6 search operations. No auth, no
// validation, no parsing: the least work a proxy can do. It runs as its own process (spawned by
// startBaselineProxy) so its RSS can be sampled apart from the load generator.
import { randomBytes } from "node:crypto";
import { Agent, createServer, request } from "node:http";
import { pathToFileURL } from "node:url";
import { type Child, spawnTs } from "./children";

export interface IngramCredentials {
  clientId: string;
  clientSecret: string;
  customerNumber: string;
  countryCode: string;
}

export async function fetchToken(upstream: string, creds: IngramCredentials): Promise<string> {
  const res = await fetch(`${upstream}/oauth/oauth20/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: creds.clientId,
      client_secret: creds.clientSecret,
    }),
  });
  if (!res.ok) throw new Error(`token request failed: HTTP ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export function ingramHeaders(token: string, creds: IngramCredentials): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    "im-customernumber": creds.customerNumber,
    "im-countrycode": creds.countryCode,
    "im-senderid": "bench-baseline",
    "im-correlationid": randomBytes(16).toString("hex"),
    accept: "application/json",
  };
}

/** Maps a baseline path to the sandbox operation path, or null for anything else. */
export function upstreamPath(path: string): string | null {
  const url = new URL(path, "http://x");
  const detail = /^\/orders\/([A-Za-z0-9-]{1,20})$/.exec(url.pathname);
  if (detail) return `/resellers/v6.1/orders/${detail[1]}`;
  if (url.pathname === "/orders") return `/resellers/v6/orders/search${url.search}`;
  return null;
}

async function serve(upstream: string, creds: IngramCredentials): Promise<void> {
  const token = await fetchToken(upstream, creds);
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const server = createServer((req, res) => {
    const path = req.method === "GET" ? upstreamPath(req.url ?? "/") : null;
    if (!path) {
      res.writeHead(404).end();
      return;
    }
    const up = request(
      { host: target.hostname, port: target.port, path, method: "GET", agent, headers: ingramHeaders(token, creds) },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, { "content-type": upRes.headers["content-type"] ?? "application/json" });
        upRes.pipe(res);
      },
    );
    up.setTimeout(10_000, () => up.destroy(new Error("upstream timeout")));
    up.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    up.end();
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  if (!addr || typeof addr === "string") throw new Error("no address");
  console.log(`BASELINE_PROXY http://127.0.0.1:${addr.port}`);
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

export interface BaselineProxy {
  url: string;
  child: Child;
}

export async function startBaselineProxy(upstream: string, creds: IngramCredentials): Promise<BaselineProxy> {
  const child = spawnTs("baseline-proxy", new URL(import.meta.url).pathname, [
    "--serve",
    upstream,
    JSON.stringify(creds),
  ]);
  const url = await child.waitFor(/^BASELINE_PROXY (\S+)/, 30_000);
  return { url, child };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === "--serve") {
  await serve(process.argv[3]!, JSON.parse(process.argv[4]!) as IngramCredentials);
}
