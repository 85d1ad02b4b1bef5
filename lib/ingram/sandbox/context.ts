import type { SandboxClock } from "./clock.ts";
import type { FaultController } from "./faults.ts";
import type { Lifecycle } from "./lifecycle.ts";
import type { RateLimiter } from "./rate-limit.ts";
import type { SandboxStats } from "./stats.ts";
import type { SandboxStore } from "./store.ts";
import type { TokenStore } from "./token-endpoint.ts";
import type { WebhookSender } from "./webhook-sender.ts";

export interface ResolvedOptions {
  port: number;
  host: string;
  seed: number;
  orderCount: number;
  /** Seeded dates count back from this instant (ms). */
  seedBaseDate: number;
  clientId: string;
  clientSecret: string;
  customerNumber: string;
  tokenTtlSeconds: number;
  rateLimitPerMinute: number | null;
  webhookUrl?: string;
  webhookSecret?: string;
  webhookDelayMs: number;
  webhookRetryDelaysMs: number[];
}

/** Everything a request handler may touch. */
export interface SandboxContext {
  cfg: ResolvedOptions;
  clock: SandboxClock;
  store: SandboxStore;
  tokens: TokenStore;
  faults: FaultController;
  stats: SandboxStats;
  rates: RateLimiter;
  life: Lifecycle;
  webhooks: WebhookSender;
  emitStatusEvent(orderNumber: string, eventType: string): Promise<void>;
  reset(): void;
}
