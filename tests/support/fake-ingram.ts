import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/*
 * A programmable stand-in for Ingram on loopback: records every request and lets a test decide each reply.
 * Used where the sandbox (lib/ingram/sandbox) cannot express a case, or is not needed.
 */

export interface Recorded {
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body: string;
}

export type Handler = (req: Recorded, res: ServerResponse) => void | Promise<void>;

export interface FakeIngram {
  url: string;
  tokenUrl: string;
  requests: Recorded[];
  tokenRequests: Recorded[];
  /** Replies to operations; default 200 `{}`. */
  handle: Handler;
  /** Replies to the token endpoint; default a fresh token per request, expires_in "86399". */
  token: Handler;
  openSockets(): number;
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(text);
}

export async function startFakeIngram(): Promise<FakeIngram> {
  const sockets = new Set<Socket>();
  let issued = 0;
  const fake: FakeIngram = {
    url: "",
    tokenUrl: "",
    requests: [],
    tokenRequests: [],
    handle: (_req, res) => json(res, 200, {}),
    token: (_req, res) =>
      json(res, 200, { access_token: `tok-${++issued}`, token_type: "Bearer", expires_in: "86399" }),
    openSockets: () => [...sockets].filter((s) => !s.destroyed).length,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const u = new URL(req.url ?? "/", "http://fake");
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
    const rec: Recorded = {
      method: req.method ?? "",
      path: u.pathname,
      query: [...u.searchParams.entries()],
      headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    res.on("error", () => {});
    try {
      if (u.pathname === "/oauth/oauth20/token") {
        fake.tokenRequests.push(rec);
        await fake.token(rec, res);
      } else {
        fake.requests.push(rec);
        await fake.handle(rec, res);
      }
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}`;
  fake.tokenUrl = `${fake.url}/oauth/oauth20/token`;
  return fake;
}

/** Resolves after `ms`, or when the response's socket closes (the client gave up). */
export function hold(res: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    res.on("close", () => {
      clearTimeout(t);
      resolve();
    });
  });
}
