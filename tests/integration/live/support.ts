// Live-update test helpers: a real SMTP server on loopback that keeps what it receives, a webhook receiver that
// hands the sandbox's POSTs to the route handler, and a reader of a Server-Sent Events response.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import * as webhook from "@/app/api/webhooks/ingram/route";

export interface Mailbox {
  url: string;
  messages: { to: string[]; body: string }[];
  close(): Promise<void>;
}

/** smtp-server without TLS or AUTH, as a local relay would be: nodemailer speaks plain SMTP to it. */
export async function startMailbox(): Promise<Mailbox> {
  const messages: Mailbox["messages"] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          body: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Stands in for Next in front of the webhook route: the sandbox POSTs here. */
export async function startWebhookReceiver(origin: string): Promise<{ url: string; close(): Promise<void> }> {
  const receiver: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
    const r = await webhook.POST(
      new Request(`${origin}/api/webhooks/ingram`, { method: "POST", headers, body: Buffer.concat(chunks) }),
      { params: Promise.resolve({}) },
    );
    res.writeHead(r.status, { "content-type": "application/json" });
    res.end(await r.text());
  });
  await new Promise<void>((ok) => receiver.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/ingram`,
    close: () => new Promise<void>((ok) => receiver.close(() => ok())),
  };
}

export interface SseEvent {
  event: string;
  data: string;
}

/** Reads a text/event-stream body into events as they arrive; `until` waits for one that matches. */
export function readEvents(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = "";
  let done = false;
  const pump = (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split("\n");
        const event = lines.find((l) => l.startsWith("event: "))?.slice(7);
        const data = lines.find((l) => l.startsWith("data: "))?.slice(6);
        if (event) events.push({ event, data: data ?? "" });
      }
    }
    done = true;
  })();
  return {
    events,
    get done() {
      return done;
    },
    ended: pump,
    async until(match: (e: SseEvent) => boolean, ms = 15_000): Promise<SseEvent> {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        const hit = events.find(match);
        if (hit) return hit;
        if (done) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`no matching event; got ${JSON.stringify(events)}`);
    },
  };
}

export async function waitFor(cond: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out waiting");
}
