// Starts the in-process Ingram sandbox on an ephemeral loopback port and makes the app's `ingram()` use a
// client pointed at it (globalThis.orderdeskIngram), the way useTestDatabase() installs the test `db`.
// useSandbox() does so in the suite's beforeAll and closes it in its afterAll; startTestSandbox() leaves
// closing to the caller.
import { createIngramClient, type IngramClient, type IngramConfig, setIngram } from "@/lib/ingram/client";
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  startSandbox,
  type Sandbox,
  type SandboxOptions,
} from "@/lib/ingram/sandbox/start-sandbox";
import { useLifecycle, useResource } from "@/tests/support/lifecycle";

export interface UseSandboxOptions extends SandboxOptions {
  client?: Partial<IngramConfig>;
}

export interface SandboxHandle {
  sandbox: Sandbox;
  client: IngramClient;
  /** Builds a fresh client (new token cache, pacer and breaker) and installs it. */
  resetClient(over?: Partial<IngramConfig>): IngramClient;
  close(): Promise<void>;
}

export async function startTestSandbox(opts: UseSandboxOptions = {}): Promise<SandboxHandle> {
  const { client: clientOver, ...sandboxOpts } = opts;
  const sandbox = await startSandbox({ port: 0, rateLimitPerMinute: null, ...sandboxOpts });
  const build = (over: Partial<IngramConfig> = {}) => {
    const c = createIngramClient({
      baseUrl: sandbox.url,
      tokenUrl: sandbox.tokenUrl,
      clientId: sandboxOpts.clientId ?? SANDBOX_CLIENT_ID,
      clientSecret: sandboxOpts.clientSecret ?? SANDBOX_CLIENT_SECRET,
      customerNumber: sandboxOpts.customerNumber ?? "20-222222",
      countryCode: "US",
      senderId: "orderdesk-tests",
      timeoutMs: 3000,
      rateLimitPerMinute: 6000,
      retryBaseDelayMs: 20,
      ...clientOver,
      ...over,
    });
    setIngram(c);
    return c;
  };
  const handle: SandboxHandle = {
    sandbox,
    client: build(),
    resetClient(over) {
      handle.client = build(over);
      return handle.client;
    },
    async close() {
      setIngram(undefined);
      await sandbox.close();
    },
  };
  return handle;
}

/** A sandbox for the calling suite. `opts` may be a function, read when the sandbox starts (e.g. for a URL). */
export function useSandbox(opts: UseSandboxOptions | (() => UseSandboxOptions) = {}): SandboxHandle {
  const life = useLifecycle(
    "the test sandbox",
    () => startTestSandbox(typeof opts === "function" ? opts() : opts),
    (h) => h.close(),
  );
  return {
    get sandbox() {
      return life.get().sandbox;
    },
    get client() {
      return life.get().client;
    },
    resetClient: (over) => life.get().resetClient(over),
    close: () => life.get().close(),
  };
}

/** A bare sandbox server for the calling suite (no client installed), reset by the caller as it needs. */
export function useSandboxServer(opts: SandboxOptions = {}): Sandbox {
  return useResource(
    "the sandbox server",
    () => startSandbox({ rateLimitPerMinute: null, ...opts }),
    (sb) => sb.close(),
  );
}
