import "server-only";
import { env } from "@/lib/env.mjs";
import { createIngramClient, type IngramClient } from "@/lib/ingram/client";

const slot = globalThis as unknown as { orderdeskIngram?: IngramClient };

/**
 * The process's one Ingram client (one token cache, one pacer, one breaker). Tests install their own on
 * globalThis.orderdeskIngram (tests/support/sandbox.ts); otherwise it is built from env.ingram on first use.
 */
export function ingram(): IngramClient {
  if (!slot.orderdeskIngram) {
    const i = env.ingram;
    slot.orderdeskIngram = createIngramClient({
      baseUrl: i.baseUrl,
      tokenUrl: i.tokenUrl,
      clientId: i.clientId,
      clientSecret: i.clientSecret,
      customerNumber: i.customerNumber,
      countryCode: i.countryCode,
      senderId: i.senderId,
      timeoutMs: i.timeoutMs,
      rateLimitPerMinute: i.rateLimitPerMinute,
    });
  }
  return slot.orderdeskIngram;
}

/** Replaces (or with undefined, forgets) the process client. */
export function setIngram(client: IngramClient | undefined): void {
  slot.orderdeskIngram = client;
}
