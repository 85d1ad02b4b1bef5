import type { IngramConfig } from "@/lib/ingram/client";

/** A client config for loopback tests; the secret is a canary so leaks are detectable. */
export const TEST_SECRET = "canary-secret-9f1c2e";

export function testConfig(base: { url: string; tokenUrl: string }, over: Partial<IngramConfig> = {}): IngramConfig {
  return {
    baseUrl: base.url,
    tokenUrl: base.tokenUrl,
    clientId: "test-client",
    clientSecret: TEST_SECRET,
    customerNumber: "20-222222",
    countryCode: "US",
    senderId: "orderdesk-tests",
    timeoutMs: 2000,
    retryBaseDelayMs: 20,
    ...over,
  };
}
