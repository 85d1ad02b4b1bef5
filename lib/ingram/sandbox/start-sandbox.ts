import { type Server, createServer } from "node:http";
import type { Socket } from "node:net";
import { TOKEN_PATH } from "../ingram-operations.ts";
import { createClock } from "./clock.ts";
import type { ResolvedOptions, SandboxContext } from "./context.ts";
import { applyStatusEvent, statusEvent } from "./events.ts";
import { FaultController, type FaultRule } from "./faults.ts";
import { type SandboxFixtures, sandboxFixtures } from "./fixtures.ts";
import { Lifecycle } from "./lifecycle.ts";
import { RateLimiter } from "./rate-limit.ts";
import { defaultSeedBaseDate } from "./seed.ts";
import { createListener } from "./server.ts";
import { SandboxStats } from "./stats.ts";
import { SandboxStore } from "./store.ts";
import { TokenStore } from "./token-endpoint.ts";
import { DEFAULT_RETRY_DELAYS_MS, WebhookSender } from "./webhook-sender.ts";

export const SANDBOX_CLIENT_ID = "orderdesk-sandbox";
export const SANDBOX_CLIENT_SECRET = "sandbox-secret";

export interface SandboxOptions {
  port?: number;
  host?: string;
  seed?: number;
  orderCount?: number;
  /** What the sandbox clock reads at start (ms since the epoch; it runs on from there). Default: wall clock. */
  now?: number;
  /** Seeded dates count back from this instant (ms). Default: 17:00 UTC of the day before the clock's start. */
  seedBaseDate?: number;
  clientId?: string;
  clientSecret?: string;
  customerNumber?: string;
  tokenTtlSeconds?: number;
  rateLimitPerMinute?: number | null;
  webhookUrl?: string;
  webhookSecret?: string;
  webhookDelayMs?: number;
  /** Backoff between webhook delivery attempts, default [250, 750, 2000] (4 attempts). */
  webhookRetryDelaysMs?: number[];
}

export interface Sandbox {
  url: string;
  tokenUrl: string;
  faults: { set(rule: FaultRule): string; clear(id?: string): void; list(): (FaultRule & { id: string })[] };
  stats: SandboxStats;
  clock: { now(): number; advance(ms: number): void };
  store: SandboxStore;
  /** The instant seeded dates count back from; fixed for the sandbox's life, reset() included. */
  seedBaseDate: number;
  /** The well-known seeded orders with their dates (also GET /__sandbox/fixtures). */
  fixtures: SandboxFixtures;
  emitStatusEvent(orderNumber: string, eventType: string): Promise<void>;
  /** Invalidates every issued access token (the next operation call answers 401). */
  revokeAllTokens(): void;
  /** Re-seeds the same orders and clears faults, stats, rate windows and the clock's advances. */
  reset(): void;
  close(): Promise<void>;
}

function resolve(opts: SandboxOptions, startedAt: number): ResolvedOptions {
  return {
    port: opts.port ?? 0,
    host: opts.host ?? "127.0.0.1",
    seed: opts.seed ?? 42,
    orderCount: opts.orderCount ?? 600,
    seedBaseDate: opts.seedBaseDate ?? defaultSeedBaseDate(startedAt),
    clientId: opts.clientId ?? SANDBOX_CLIENT_ID,
    clientSecret: opts.clientSecret ?? SANDBOX_CLIENT_SECRET,
    customerNumber: opts.customerNumber ?? "20-222222",
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 86_400,
    rateLimitPerMinute: opts.rateLimitPerMinute === undefined ? 60 : opts.rateLimitPerMinute,
    webhookUrl: opts.webhookUrl,
    webhookSecret: opts.webhookSecret,
    webhookDelayMs: opts.webhookDelayMs ?? 1500,
    webhookRetryDelaysMs: opts.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      const addr = server.address();
      ok(typeof addr === "object" && addr ? addr.port : port);
    });
  });
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const clock = createClock(opts.now);
  const cfg = resolve(opts, clock.now());
  const life = new Lifecycle();
  const store = new SandboxStore(cfg.seed, cfg.orderCount, cfg.seedBaseDate, clock);
  const ctx: SandboxContext = {
    cfg,
    clock,
    store,
    tokens: new TokenStore(cfg, clock),
    faults: new FaultController(),
    stats: new SandboxStats(),
    rates: new RateLimiter(cfg.rateLimitPerMinute, clock),
    life,
    webhooks: new WebhookSender(
      { url: cfg.webhookUrl, secret: cfg.webhookSecret, retryDelaysMs: cfg.webhookRetryDelaysMs },
      life,
    ),
    async emitStatusEvent(orderNumber, eventType) {
      const order = store.getOrder(orderNumber);
      if (!order) throw new Error(`unknown order ${orderNumber}`);
      if (!ctx.webhooks.configured) throw new Error("sandbox webhookUrl is not configured");
      applyStatusEvent(order, eventType, store.rng, clock.now());
      const { eventId, payload } = statusEvent(order, eventType, clock.now());
      await ctx.webhooks.send(payload, eventId);
    },
    reset() {
      clock.reset();
      store.reset();
      ctx.faults.clear();
      ctx.stats.reset();
      ctx.rates.reset();
    },
  };
  const server = createServer(createListener(ctx));
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  const port = await listen(server, cfg.port, cfg.host);
  const hostForUrl = cfg.host.includes(":") ? `[${cfg.host}]` : cfg.host;
  const url = `http://${hostForUrl}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    tokenUrl: `${url}${TOKEN_PATH}`,
    faults: ctx.faults,
    stats: ctx.stats,
    clock: { now: () => clock.now(), advance: (ms) => clock.advance(ms) },
    store,
    seedBaseDate: cfg.seedBaseDate,
    fixtures: sandboxFixtures(cfg.seedBaseDate),
    emitStatusEvent: (n, t) => ctx.emitStatusEvent(n, t),
    revokeAllTokens: () => ctx.tokens.revokeAll(),
    reset: () => ctx.reset(),
    close() {
      closing ??= new Promise<void>((done) => {
        life.close();
        server.close(() => done());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
