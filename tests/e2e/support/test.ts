import {
  test as base,
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from "@playwright/test";
import { PORTAL } from "./env";
import { sandboxStats } from "./sandbox";

/** Strings that must never reach the browser: the sandbox client secret and OAuth token fields. */
const FORBIDDEN = ["sandbox-secret", "access_token"];
const BODY_TYPES = /text\/html|text\/x-component|application\/json|text\/csv|javascript|text\/plain/;

interface Captured {
  url: string;
  body: string;
}

/**
 * Watches every response the browser gets from the portal: no secret or Ingram access token in any HTML, RSC
 * or JSON payload, and every /api response (other than next-auth's own endpoints) is `private, no-store`.
 */
export class PayloadGuard {
  private pending: Promise<void>[] = [];
  private bodies: Captured[] = [];
  private headerProblems: string[] = [];
  apiResponses = 0;

  watch(context: BrowserContext): void {
    context.on("response", (res) => {
      const url = new URL(res.url());
      if (url.origin !== PORTAL) return;
      const headers = res.headers();
      if (url.pathname.startsWith("/api/") && !url.pathname.startsWith("/api/auth/")) {
        this.apiResponses++;
        const cc = (headers["cache-control"] ?? "").toLowerCase();
        if (!cc.includes("private") || !cc.includes("no-store")) {
          this.headerProblems.push(`${res.request().method()} ${url.pathname} ${res.status()} Cache-Control: "${cc}"`);
        }
      }
      if (!BODY_TYPES.test(headers["content-type"] ?? "") || (res.status() >= 300 && res.status() < 400)) return;
      const read = res.text().then(
        (body) => void this.bodies.push({ url: res.url(), body }),
        () => undefined,
      );
      this.pending.push(Promise.race([read, new Promise<void>((r) => setTimeout(r, 10_000))]));
    });
  }

  /** A fresh context (no cookies) with the suite's viewport and base URL, watched like the default one. */
  async newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const context = await browser.newContext({ baseURL: PORTAL, viewport: { width: 1280, height: 800 }, ...options });
    this.watch(context);
    return context;
  }

  /** Also searches for every bearer token the sandbox has seen the portal use. */
  async verify(request: APIRequestContext): Promise<void> {
    await Promise.all(this.pending);
    const stats = await sandboxStats(request);
    const tokens = new Set<string>();
    for (const r of stats.requests) {
      const auth = (r as unknown as { headers?: Record<string, string> }).headers?.authorization;
      const m = auth ? /^Bearer\s+(\S{8,})$/i.exec(auth) : null;
      if (m) tokens.add(m[1]!);
    }
    const needles = [...FORBIDDEN, ...tokens];
    const hits = this.bodies.flatMap(({ url, body }) =>
      needles
        .filter((n) => body.includes(n))
        .map((n) => `${url} contains ${FORBIDDEN.includes(n) ? n : "an Ingram access token"}`),
    );
    expect(hits, "secrets or tokens in payloads sent to the browser").toEqual([]);
    expect(this.headerProblems, "/api responses without Cache-Control: private, no-store").toEqual([]);
  }

  get scanned(): number {
    return this.bodies.length;
  }
}

export const test = base.extend<{ guard: PayloadGuard }>({
  guard: [
    async ({ context, request }, use) => {
      const guard = new PayloadGuard();
      guard.watch(context);
      await use(guard);
      await guard.verify(request);
    },
    { auto: true },
  ],
});

export { expect };
