import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));
const mutationWorker = process.env.STRYKER_MUTATOR_WORKER !== undefined;

// Two projects share this config: `unit` (pure lib/, no database, no sandbox) and `integration` (handlers
// against a real database and the sandbox, plus the contract test). Without --project both run.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      { find: /^server-only$/, replacement: `${root}tests/support/empty.ts` },
    ],
  },
  root,
  test: {
    exclude: ["tests/e2e/**", "node_modules/**"],
    // Under StrykerJS (its workers set STRYKER_MUTATOR_WORKER) a loaded machine may run a database-backed test
    // several times slower; a test timing out there would fail the dry run or leave a mutant untested. Stryker
    // bounds each mutant's run with its own timeout.
    testTimeout: mutationWorker ? 120_000 : 30_000,
    hookTimeout: mutationWorker ? 180_000 : 60_000,
    pool: "forks",
    // Route handlers and getActor() read the request through next/headers, as under `next start`; each file's
    // temporary directories are removed after it.
    setupFiles: [
      "tests/support/next-runtime.ts",
      "tests/support/temp-dir-cleanup.ts",
      "tests/support/settle-flights.ts",
    ],
    // The app's request log is noise in a test run; LOG_LEVEL=info brings it back.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: { name: "integration", include: ["tests/integration/**/*.test.ts", "tests/contract/**/*.test.ts"] },
      },
    ],
  },
});
