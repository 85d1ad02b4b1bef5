import { createHmac } from "node:crypto";
import type { Lifecycle } from "./lifecycle.ts";
import { randomAlnum } from "./util.ts";

export interface WebhookConfig {
  url?: string;
  secret?: string;
  /** Backoff before each retry; attempts = retries + 1. */
  retryDelaysMs?: number[];
}

export const DEFAULT_RETRY_DELAYS_MS = [250, 750, 2000];

/** Ingram signs only the eventId: Base64(HMAC-SHA512(secret, eventId)). */
export function signEventId(secret: string, eventId: string): string {
  return createHmac("sha512", secret).update(eventId, "utf8").digest("base64");
}

export const newEventId = (): string => randomAlnum(18);

/** POSTs one webhook body, retrying non-2xx and network failures a bounded number of times. */
export class WebhookSender {
  constructor(
    private readonly cfg: WebhookConfig,
    private readonly life: Lifecycle,
  ) {}

  get configured(): boolean {
    return Boolean(this.cfg.url);
  }

  async send(payload: unknown, eventId: string): Promise<void> {
    const url = this.cfg.url;
    if (!url) throw new Error("sandbox webhookUrl is not configured");
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.cfg.secret) headers["x-hub-signature"] = signEventId(this.cfg.secret, eventId);
    const body = JSON.stringify(payload);
    const delays = this.cfg.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    let lastError: unknown;
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (attempt > 0) await this.life.sleep(delays[attempt - 1]!);
      try {
        const signal = AbortSignal.any([this.life.signal, AbortSignal.timeout(5000)]);
        const res = await fetch(url, { method: "POST", headers, body, signal });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return;
        lastError = new Error(`webhook receiver answered ${res.status}`);
      } catch (err) {
        lastError = err;
        if (this.life.closed) break;
      }
    }
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  }
}
