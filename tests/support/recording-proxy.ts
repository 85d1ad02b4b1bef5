import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/* A loopback proxy that records each request and the response it got, so a test can check both sides. */

export interface Exchange {
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body: string;
  response: { status: number; headers: Record<string, string>; body: string };
}

export interface RecordingProxy {
  url: string;
  exchanges: Exchange[];
  close(): Promise<void>;
}

const HOP = new Set(["connection", "keep-alive", "transfer-encoding", "host", "content-length", "content-encoding"]);

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const exchanges: Exchange[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const u = new URL(req.url ?? "/", "http://proxy");
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && !HOP.has(k)) headers[k] = v;
    const upstream = await fetch(target + u.pathname + u.search, {
      method: req.method,
      headers,
      body: body && req.method !== "GET" && req.method !== "HEAD" ? body : undefined,
      redirect: "manual",
    });
    const text = await upstream.text();
    const resHeaders: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (!HOP.has(k)) resHeaders[k] = v;
    });
    exchanges.push({
      method: req.method ?? "",
      path: u.pathname,
      query: [...u.searchParams.entries()],
      headers,
      body,
      response: { status: upstream.status, headers: resHeaders, body: text },
    });
    res.writeHead(upstream.status, resHeaders);
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
