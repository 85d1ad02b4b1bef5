import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      { find: /^server-only$/, replacement: `${root}tests/support/empty.ts` },
    ],
  },
  root,
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Route handlers and getActor() read the request through next/headers, as under `next start`.
    setupFiles: ["tests/support/next-runtime.ts"],
    // The app's request log is noise in a test run; LOG_LEVEL=info brings it back.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
  },
});
