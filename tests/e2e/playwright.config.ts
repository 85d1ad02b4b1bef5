import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

// Playwright cannot download its own browser here: use Debian's Chromium where it is installed.
const chromium = "/usr/bin/chromium";
const root = fileURLToPath(new URL("../..", import.meta.url));
// Overridable so that two checkouts on one machine can run their browser suites side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
export const DEMO_PASSWORD = "e2e-demo-password";

export default defineConfig({
  testDir: ".",
  outputDir: `${root}tests/artifacts/e2e-results`,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "npx tsx -C react-server lib/cli/start.ts",
    cwd: root,
    url: `http://localhost:${E2E_PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(E2E_PORT),
      SANDBOX_PORT: String(E2E_SANDBOX_PORT),
      DATA_DIR: `${root}tests/artifacts/e2e-data`,
      DEMO_PASSWORD,
      NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
      INGRAM_CLIENT_ID: "",
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
      // The browser flows share the sandbox's calls a minute with nothing else; the sync is tested on its own.
      SYNC_ENABLED: "0",
      // With the sync off every list view is a live Ingram search, and the suite's flows load more than Ingram's
      // 60 a minute at times: the sandbox and the budget both allow 120 here (the budget has its own tests).
      INGRAM_RATE_LIMIT_PER_MINUTE: "120",
      // One shared pool, as the sandbox enforces: the flows sign in as three users who browse many pages a minute.
      INGRAM_BUDGET_RESERVE_INTERACTIVE: "0",
      INGRAM_BUDGET_RESERVE_WEBHOOK: "0",
      INGRAM_BUDGET_RESERVE_SYNC: "0",
      INGRAM_BUDGET_RESERVE_EXPORT: "0",
      INGRAM_BUDGET_USER_SHARE: "60",
    },
  },
});
