import "server-only";
import type { ResolvedConfig } from "./client";
import { DeadlineExceeded, IngramError, errorDetails } from "./ingram-errors";
import { TokenResponse } from "./schemas/token-response";
import { exchange, parseJson } from "./transport";

/*
 * OAuth2 client-credentials token: POSTed as a form (Ingram's portal way; its spec shows a GET with the
 * secret in the query) so the secret never sits in a URL. Ingram documents the lifetime inconsistently
 * (`expires_in` as a string or a number, "24 hours" in prose), so it is cached for min(expires_in, 24 h)
 * minus a margin, fetched single-flight (any number of concurrent cold callers share one request), and
 * refreshed once when an operation answers 401.
 */

interface Cached {
  token: string;
  expiresAt: number;
}

const FALLBACK_TTL_SECONDS = 300;

export class TokenProvider {
  private cached: Cached | undefined;
  private inflight: Promise<Cached> | undefined;

  constructor(private readonly cfg: ResolvedConfig) {}

  /** A valid access token; waiting stops when `signal` aborts (the shared fetch carries on). */
  async get(signal: AbortSignal, correlationId: string): Promise<string> {
    const c = this.cached;
    if (c && c.expiresAt > this.cfg.now()) return c.token;
    if (!this.inflight) {
      this.inflight = this.fetchToken(correlationId).finally(() => {
        this.inflight = undefined;
      });
    }
    try {
      return (await abortable(this.inflight, signal)).token;
    } catch (e) {
      if (e instanceof IngramError && e.correlationId !== correlationId) {
        const { kind, op, status, errors, retryAfterSeconds } = e;
        throw new IngramError({ kind, op, status, errors, retryAfterSeconds, correlationId, cause: e.cause });
      }
      throw e;
    }
  }

  /** Forget `token` after a 401, unless a newer token has replaced it already. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async fetchToken(correlationId: string): Promise<Cached> {
    const { cfg } = this;
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(new DeadlineExceeded()), cfg.timeoutMs);
    try {
      const form = new URLSearchParams({
        grant_type: "client_credentials",
        client_id: cfg.clientId,
        client_secret: cfg.clientSecret,
      });
      const ex = await exchange(
        "token",
        correlationId,
        cfg.tokenUrl,
        {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
          body: form.toString(),
        },
        ctl.signal,
        64 * 1024,
      );
      if (ex.status < 200 || ex.status >= 300) {
        const errors = JSON.parse(
          JSON.stringify(errorDetails(ex.text)).replaceAll(JSON.stringify(cfg.clientSecret).slice(1, -1), "[redacted]"),
        );
        throw new IngramError({ kind: "http", op: "token", status: ex.status, correlationId, errors });
      }
      const parsed = TokenResponse.safeParse(parseJson(ex, "token", correlationId));
      if (!parsed.success)
        throw new IngramError({ kind: "bad_payload", op: "token", status: ex.status, correlationId });
      const given = parsed.data.expires_in;
      const ttl = given && given > 0 ? Math.min(given, 86_400) : FALLBACK_TTL_SECONDS;
      const margin = Math.min(cfg.tokenMarginSeconds, ttl / 10);
      const cached = { token: parsed.data.access_token, expiresAt: cfg.now() + (ttl - margin) * 1000 };
      this.cached = cached;
      return cached;
    } finally {
      clearTimeout(timer);
    }
  }
}

function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}
