// Starts the in-process Ingram sandbox on an ephemeral loopback port and makes the app's `ingram()` use a
// client pointed at it (globalThis.orderdeskIngram), the way useTestDatabase() installs the test `db`.
import { createIngramClient, type IngramClient, type IngramConfig } from "@/lib/ingram/client";
import { setIngram } from "@/lib/ingram/client";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, startSandbox, type Sandbox, type SandboxOptions } from "@/lib/ingram/sandbox/start-sandbox";

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

export async function useSandbox(opts: UseSandboxOptions = {}): Promise<SandboxHandle> {
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
