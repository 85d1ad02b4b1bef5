import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// The browser flow over an index filled by the real sync (index-sync.flow.ts). Its own portal, on the same
// ports and build as the main suite but run after it, with its own data directory and the sync switched on,
// so that the main suite's flows keep the sandbox's 60 calls a minute to themselves. A small seed (the fixtures
// and one generated order) lets the first full pass finish within about a minute; after it the sync has
// nothing due for a day, so the sandbox's counter shows only what people's pages cost.
const root = fileURLToPath(new URL("../..", import.meta.url));
const server = Array.isArray(base.webServer) ? base.webServer[0]! : base.webServer!;

export default defineConfig({
  ...base,
  testMatch: /index-sync\.flow\.ts$/,
  timeout: 300_000,
  // The sync shares the embedded database's one connection with the pages while it fills the index.
  expect: { timeout: 60_000 },
  webServer: {
    ...server,
    env: {
      ...server.env,
      DATA_DIR: `${root}tests/artifacts/e2e-sync-data`,
      SANDBOX_ORDERS: "1",
      SYNC_ENABLED: "1",
      SYNC_HISTORY_DAYS: "3650",
      SYNC_CALLS_PER_MINUTE: "40",
      SYNC_RECENT_SECONDS: "86400",
      SYNC_ACTIVE_REFRESH_MINUTES: "10080",
      SYNC_FINAL_REFRESH_HOURS: "8760",
      SYNC_FULL_PASS_HOURS: "8760",
      // The default budget, less the sync's reserve, so that the pass is quick; people's reads come first.
      INGRAM_BUDGET_RESERVE_INTERACTIVE: "",
      INGRAM_BUDGET_RESERVE_WEBHOOK: "",
      INGRAM_BUDGET_RESERVE_SYNC: "10",
      INGRAM_BUDGET_RESERVE_EXPORT: "",
      INGRAM_BUDGET_USER_SHARE: "",
    },
  },
});
