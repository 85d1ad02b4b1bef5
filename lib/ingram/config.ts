import "server-only";

/** Client configuration, built from lib/env.mjs in lib/ingram/instance.ts (tests pass their own). */
export interface IngramConfig {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  customerNumber: string;
  countryCode: string;
  senderId: string;
  /** Whole-call budget (pacing, token, every attempt, body), default 10000. */
  timeoutMs?: number;
  /** GET pacing per endpoint, default 60 (Ingram's documented limit). */
  rateLimitPerMinute?: number;
  /** Tuning, mainly for tests. */
  maxBodyBytes?: number; // default 5 MB
  maxRetries?: number; // GETs only, default 2
  retryBaseDelayMs?: number; // default 200
  breakerFailureThreshold?: number; // default 5 (RELIABILITY: opens after <= 10)
  breakerOpenMs?: number; // default 5000 (<= 1 probe per 5 s)
  tokenMarginSeconds?: number; // refresh this long before expiry, default 60
  now?: () => number;
}

export type ResolvedConfig = Required<Omit<IngramConfig, "now">> & { now: () => number };

function url(name: string, value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new Error(`Ingram config: ${name} is not a URL`);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error(`Ingram config: ${name} must be http(s)`);
  if (u.username || u.password || u.search || u.hash) {
    throw new Error(`Ingram config: ${name} must not carry credentials, a query or a fragment`);
  }
  return value.replace(/\/+$/, "");
}

function text(name: string, value: string, max: number, pattern?: RegExp): string {
  if (typeof value !== "string" || !value || value.length > max || (pattern && !pattern.test(value))) {
    throw new Error(`Ingram config: ${name} is missing or malformed`);
  }
  return value;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`Ingram config: ${name} must be a non-negative number`);
  return v;
}

export function resolveConfig(cfg: IngramConfig): ResolvedConfig {
  return {
    baseUrl: url("baseUrl", cfg.baseUrl),
    tokenUrl: url("tokenUrl", cfg.tokenUrl),
    clientId: text("clientId", cfg.clientId, 256),
    clientSecret: text("clientSecret", cfg.clientSecret, 1024),
    customerNumber: text("customerNumber", cfg.customerNumber, 10, /^[\x21-\x7e]+$/),
    countryCode: text("countryCode", cfg.countryCode, 2, /^[A-Z]{2}$/),
    senderId: text("senderId", cfg.senderId, 32, /^[\x21-\x7e][\x20-\x7e]*$/),
    timeoutMs: positive("timeoutMs", cfg.timeoutMs, 10_000),
    rateLimitPerMinute: positive("rateLimitPerMinute", cfg.rateLimitPerMinute, 60),
    maxBodyBytes: positive("maxBodyBytes", cfg.maxBodyBytes, 5 * 1024 * 1024),
    maxRetries: Math.min(positive("maxRetries", cfg.maxRetries, 2), 2),
    retryBaseDelayMs: positive("retryBaseDelayMs", cfg.retryBaseDelayMs, 200),
    breakerFailureThreshold: Math.min(positive("breakerFailureThreshold", cfg.breakerFailureThreshold, 5), 10),
    breakerOpenMs: positive("breakerOpenMs", cfg.breakerOpenMs, 5000),
    tokenMarginSeconds: positive("tokenMarginSeconds", cfg.tokenMarginSeconds, 60),
    now: cfg.now ?? Date.now,
  };
}
